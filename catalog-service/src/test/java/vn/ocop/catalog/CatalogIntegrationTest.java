package vn.ocop.catalog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.TestInfrastructure;

/** catalog-service on a random port, against the JVM's shared broker and its own database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CatalogApplication.CONFIG_NAME)
public abstract class CatalogIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "catalog");
    }

    protected Http http() {
        return Http.at(port);
    }

    protected CatalogHttp catalogHttp() {
        return CatalogHttp.at(port);
    }

    /** Registers a cooperative and its tea, and returns the product's id. */
    protected String registerTea() {
        Http.Response producer = http().post("/api/producers", CatalogFixtures.cooperativeInThaiNguyen());
        Http.Response product = http().post("/api/products", CatalogFixtures.teaFromThaiNguyen(producer.text("/id")));
        org.assertj.core.api.Assertions.assertThat(product.status()).as(product.body().toString()).isEqualTo(201);
        return product.text("/id");
    }

    /** A registered tea with a complete dossier, ready to be submitted. */
    protected String submittableTea() {
        String productId = registerTea();
        catalogHttp().completeDossier(http(), productId);
        return productId;
    }
}
