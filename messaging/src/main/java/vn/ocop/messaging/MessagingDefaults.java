package vn.ocop.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the delivery settings every service shares (idempotent producer with {@code acks=all},
 * explicit {@code linger.ms}, consumer group = service name, bounded retries then dead letters)
 * with the lowest precedence, so one place states them and a service's own file can still
 * override any of them.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    private static final String LOCATION = "META-INF/ocop/messaging-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load("ocop-messaging-defaults", new ClassPathResource(LOCATION, MessagingDefaults.class.getClassLoader()))) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
