package vn.ocop.catalog.producer;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.catalog.CatalogIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class ProducerRegistrationTest extends CatalogIntegrationTest {

    @Test
    void registeredProducerCanBeReadBackWithVietnameseNamesIntact() {
        Response created = http().post("/api/producers", CatalogFixtures.cooperativeInThaiNguyen());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("location").getFirst()).endsWith("/api/producers/" + created.text("/id"));
        Response read = http().get("/api/producers/" + created.text("/id"));
        assertThat(read.text("/name")).isEqualTo("Hợp tác xã Chè Tân Cương");
        assertThat(read.text("/type")).isEqualTo("COOPERATIVE");
    }

    @Test
    void invalidRegistrationNamesTheOffendingFieldsAndStoresNothing() {
        Map<String, Object> body = CatalogFixtures.cooperativeInThaiNguyen();
        body.put("taxCode", "12AB");
        body.put("name", "");

        Response response = http().post("/api/producers", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("/type")).isEqualTo("/problems/validation");
        assertThat(response.at("/errors").findValuesAsString("field")).containsExactlyInAnyOrder("taxCode", "name");
    }

    @Test
    void unknownProducerTypeAndMalformedJsonAreBadRequests() {
        Map<String, Object> body = CatalogFixtures.cooperativeInThaiNguyen();
        body.put("type", "BANK");
        assertThat(http().post("/api/producers", body).status()).isEqualTo(400);

        Response malformed = http().post("/api/producers", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("/type")).isEqualTo("/problems/malformed-request");
        assertThat(malformed.body().toString()).doesNotContain("Exception").doesNotContain("tools.jackson");
    }

    @Test
    void sameTaxCodeTwiceIsAConflictWithoutSqlInTheAnswer() {
        Map<String, Object> body = CatalogFixtures.cooperativeInThaiNguyen();
        assertThat(http().post("/api/producers", body).status()).isEqualTo(201);

        Response again = http().post("/api/producers", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).doesNotContainIgnoringCase("duplicate key").doesNotContain("insert");
    }

    @Test
    void unknownProducerIsNotFound() {
        Response response = http().get("/api/producers/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("/type")).isEqualTo("/problems/not-found");
    }
}
