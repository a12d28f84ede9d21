package vn.ocop.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ocop.catalog.CatalogApplication;
import vn.ocop.evaluation.EvaluationApplication;
import vn.ocop.marketplace.MarketplaceApplication;
import vn.ocop.notification.NotificationApplication;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestInfrastructure;

/**
 * The four services, each a full Spring Boot application with its own database, started in this
 * JVM against one broker and one PostgreSQL server, talking to each other only over Kafka.
 */
final class Platform implements AutoCloseable {

    private final ConfigurableApplicationContext catalog;
    private final ConfigurableApplicationContext evaluation;
    private final ConfigurableApplicationContext marketplace;
    private final ConfigurableApplicationContext notification;

    private Platform(List<ConfigurableApplicationContext> contexts) {
        this.catalog = contexts.get(0);
        this.evaluation = contexts.get(1);
        this.marketplace = contexts.get(2);
        this.notification = contexts.get(3);
    }

    static Platform start() {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        var contexts = List.of(
                CompletableFuture.supplyAsync(() -> run(CatalogApplication.class, CatalogApplication.CONFIG_NAME, "catalog", infrastructure)),
                CompletableFuture.supplyAsync(() -> run(EvaluationApplication.class, EvaluationApplication.CONFIG_NAME, "evaluation", infrastructure)),
                CompletableFuture.supplyAsync(() -> run(MarketplaceApplication.class, MarketplaceApplication.CONFIG_NAME, "marketplace", infrastructure)),
                CompletableFuture.supplyAsync(() -> run(NotificationApplication.class, NotificationApplication.CONFIG_NAME, "notification", infrastructure)));
        return new Platform(contexts.stream().map(CompletableFuture::join).toList());
    }

    private static ConfigurableApplicationContext run(Class<?> application, String configName, String database,
            TestInfrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties(database));
        properties.put("spring.config.name", configName);
        properties.put("server.port", 0);
        // As command-line arguments, the way a real launch overrides the service's own file.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(application).run(arguments);
    }

    Http catalog() {
        return http(catalog);
    }

    Http evaluation() {
        return http(evaluation);
    }

    Http marketplace() {
        return http(marketplace);
    }

    Http notification() {
        return http(notification);
    }

    /** Where catalog listens, for the multipart uploads the JSON client does not send. */
    String catalogUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) catalog).getWebServer().getPort();
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.at(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Override
    public void close() {
        List.of(notification, marketplace, evaluation, catalog).forEach(ConfigurableApplicationContext::close);
    }
}
