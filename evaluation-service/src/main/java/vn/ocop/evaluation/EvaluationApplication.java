package vn.ocop.evaluation;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class EvaluationApplication {

    /** The service's configuration file is {@code evaluation-service.yml}, so four services can share one classpath. */
    public static final String CONFIG_NAME = "evaluation-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EvaluationApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
