package vn.ocop.marketplace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestInfrastructure;

/** marketplace-service on a random port, against the JVM's shared broker and its own database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + MarketplaceApplication.CONFIG_NAME,
            // A search refused for waiting too long is tested without waiting the default 5 s.
            "ocop.marketplace.search.max-wait=1s" })
public abstract class MarketplaceIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "marketplace");
    }

    protected Http http() {
        return Http.at(port);
    }
}
