package vn.ocop.notification;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestInfrastructure;

/** notification-service on a random port, against the JVM's shared broker and its own database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
public abstract class NotificationIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "notification");
    }

    protected Http http() {
        return Http.at(port);
    }
}
