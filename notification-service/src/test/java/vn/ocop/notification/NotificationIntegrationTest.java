package vn.ocop.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestInfrastructure;

/**
 * notification-service on a random port, against the JVM's shared broker, its own database and a
 * real SMTP server ({@link TestMail}). Retry and back-off intervals are short so that delivery
 * tests take seconds, not hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=" + NotificationApplication.CONFIG_NAME,
                "ocop.notification.delivery.poll-interval=100ms",
                "ocop.notification.delivery.initial-backoff=200ms",
                "ocop.notification.delivery.max-backoff=1s",
                "ocop.notification.delivery.max-attempts=4",
                "ocop.notification.delivery.connect-timeout=500ms",
                "ocop.notification.delivery.request-timeout=2s",
                // The tests' webhook receivers listen on this machine; other internal addresses stay refused.
                "ocop.notification.webhooks.allowed-networks=127.0.0.0/8,::1/128",
                "ocop.notification.stream.heartbeat=500ms",
                "ocop.notification.expiry.check-interval=300ms" })
public abstract class NotificationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "notification");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMail.shared().port());
    }

    protected Http http() {
        return Http.at(port);
    }

    /** A PUT with a JSON body, which {@link Http} does not offer. */
    protected Http.Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A GET with headers of the caller's choosing (Accept-Language, say). */
    protected Http.Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    protected Http.Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Http.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.headers().map());
        }
        catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
