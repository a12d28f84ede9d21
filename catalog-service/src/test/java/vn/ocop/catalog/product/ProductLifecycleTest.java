package vn.ocop.catalog.product;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.catalog.CatalogIntegrationTest;
import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProductLifecycleTest extends CatalogIntegrationTest {

    private static TopicProbe productTopic;

    @BeforeAll
    static void probe() {
        productTopic = TopicProbe.on(Topics.CATALOG_PRODUCT);
    }

    @AfterAll
    static void closeProbe() {
        productTopic.close();
    }

    private String registerProduct() {
        Response producer = http().post("/api/producers", CatalogFixtures.cooperativeInThaiNguyen());
        assertThat(producer.status()).isEqualTo(201);
        Response product = http().post("/api/products", CatalogFixtures.teaFromThaiNguyen(producer.text("/id")));
        assertThat(product.status()).isEqualTo(201);
        return product.text("/id");
    }

    @Test
    void registeredProductIsADraftAndIsAnnouncedWithItsContract() {
        String productId = registerProduct();

        Response product = http().get("/api/products/" + productId);
        assertThat(product.text("/status")).isEqualTo("DRAFT");
        assertThat(product.text("/name")).isEqualTo("Chè Thái Nguyên Tân Cương");

        ConsumerRecord<String, byte[]> record = productTopic.await(r -> productId.equals(r.key())
                && CatalogEvents.PRODUCT_REGISTERED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertWireFormat(record, CatalogEvents.PRODUCT_REGISTERED, productId);
    }

    @Test
    void submittedProductCarriesItsSnapshotToTheCouncil() {
        String productId = registerProduct();

        Response submission = http().post("/api/products/" + productId + "/submissions", Map.of("level", "PROVINCE"));

        assertThat(submission.status()).isEqualTo(202);
        assertThat(http().get("/api/products/" + productId).text("/status")).isEqualTo("SUBMITTED");
        ConsumerRecord<String, byte[]> record = productTopic.await(r -> productId.equals(r.key())
                && CatalogEvents.PRODUCT_SUBMITTED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertWireFormat(record, CatalogEvents.PRODUCT_SUBMITTED, productId);
        assertThat(TopicProbe.body(record))
                .contains("\"level\":\"PROVINCE\"")
                .contains("\"producerName\":\"Hợp tác xã Chè Tân Cương\"")
                .contains(submission.text("/submissionId"));
    }

    @Test
    void productUnderEvaluationCannotBeSubmittedAgain() {
        String productId = registerProduct();
        assertThat(http().post("/api/products/" + productId + "/submissions").status()).isEqualTo(202);

        Response again = http().post("/api/products/" + productId + "/submissions");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("/type")).isEqualTo("/problems/product-not-submittable");
        productTopic.await(r -> productId.equals(r.key())
                && CatalogEvents.PRODUCT_SUBMITTED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(productTopic.recordsWhere(r -> productId.equals(r.key())
                && CatalogEvents.PRODUCT_SUBMITTED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE))))
                .hasSize(1);
    }

    @Test
    void certificateFromTheCouncilShowsOnTheProduct() {
        String productId = registerProduct();
        http().post("/api/products/" + productId + "/submissions");
        String example = EventContracts.example(EvaluationEvents.PRODUCT_CERTIFIED);
        String exampleProductId = "5b1f7a52-3c1e-4a57-9a0e-0d6a2f1c9b11";
        String eventId = UUID.randomUUID().toString();
        String body = example.replace(exampleProductId, productId).replace("8f0c1c39-3b1c-4d9a-9a7e-5b7d2c1e0a03", eventId);

        TestEvents.publishRaw(Topics.EVALUATION_CERTIFICATION, productId, body.getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, EvaluationEvents.PRODUCT_CERTIFIED.name(),
                CloudEventHeaders.SOURCE, EvaluationEvents.SOURCE,
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.SUBJECT, productId,
                CloudEventHeaders.CONTENT_TYPE, "application/json"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response product = http().get("/api/products/" + productId);
            assertThat(product.text("/status")).isEqualTo("CERTIFIED");
            assertThat(product.at("/stars").asInt()).isEqualTo(4);
            assertThat(product.text("/certificateNo")).isEqualTo("OCOP-2026-000123");
        });
    }

    private static void assertWireFormat(ConsumerRecord<String, byte[]> record, EventType<?> type, String productId) {
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/catalog-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(productId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(TopicProbe.body(record)).contains("\"eventId\":\"" + TopicProbe.header(record, CloudEventHeaders.ID) + "\"");
        assertThat(EventContracts.violations(type, TopicProbe.body(record))).isEmpty();
    }
}
