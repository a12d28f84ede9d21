package vn.ocop.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
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

    /**
     * Consumer threads when {@code CONSUMER_THREADS} is not set: one per two cores. On two cores
     * one thread gave the event chain more throughput and lower latency than three (bigger batches,
     * fewer transactions competing for the same cores); the binder never uses more threads than
     * partitions.
     */
    static int defaultConsumerThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("ocop-messaging-machine", Map.of(
                "ocop.messaging.default-consumer-threads",
                defaultConsumerThreads(Runtime.getRuntime().availableProcessors()))));
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
