package vn.ocop.catalog.product;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.catalog.CatalogIntegrationTest;
import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.CertificationRevoked;
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

    private static boolean is(ConsumerRecord<String, byte[]> record, String productId, EventType<?> type) {
        return productId.equals(record.key()) && type.name().equals(TopicProbe.header(record, CloudEventHeaders.TYPE));
    }

    @Test
    void registeredProductIsADraftAndIsAnnouncedWithItsContract() {
        String productId = registerTea();

        Response product = http().get("/api/products/" + productId);
        assertThat(product.text("/status")).isEqualTo("DRAFT");
        assertThat(product.text("/name")).isEqualTo("Chè Thái Nguyên Tân Cương");

        ConsumerRecord<String, byte[]> record = productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_REGISTERED));
        assertWireFormat(record, CatalogEvents.PRODUCT_REGISTERED, productId);
    }

    @Test
    void submittedProductCarriesItsSnapshotToTheCouncil() {
        String productId = submittableTea();

        Response submission = http().post("/api/products/" + productId + "/submissions", Map.of("level", "PROVINCE"));

        assertThat(submission.status()).isEqualTo(202);
        assertThat(http().get("/api/products/" + productId).text("/status")).isEqualTo("SUBMITTED");
        ConsumerRecord<String, byte[]> record = productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_SUBMITTED));
        assertWireFormat(record, CatalogEvents.PRODUCT_SUBMITTED, productId);
        assertThat(TopicProbe.body(record))
                .contains("\"level\":\"PROVINCE\"")
                .contains("\"producerName\":\"Hợp tác xã Chè Tân Cương\"")
                .contains(submission.text("/submissionId"));
    }

    @Test
    void aSubmissionWithoutALevelGoesToTheEntryLevelOfTheRuleSetInForce() {
        String productId = submittableTea();

        Response submission = http().post("/api/products/" + productId + "/submissions");

        assertThat(submission.status()).isEqualTo(202);
        assertThat(submission.text("/level")).isEqualTo("COMMUNE");
        assertThat(TopicProbe.body(productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_SUBMITTED))))
                .contains("\"level\":\"COMMUNE\"");
    }

    @Test
    void anIncompleteDossierCannotBeSubmittedAndTheAnswerListsWhatIsMissing() {
        String productId = registerTea();
        catalogHttp().upload(productId, "BUSINESS_PLAN", "phuong-an.pdf", vn.ocop.catalog.CatalogFixtures.PDF);
        var missing = http().get("/api/products/" + productId + "/dossier").at("/missing").valueStream()
                .map(n -> n.asString()).toList();

        Response refused = http().post("/api/products/" + productId + "/submissions");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("/type")).isEqualTo("/problems/dossier-incomplete");
        assertThat(refused.at("/missing").valueStream().map(n -> n.asString()).toList())
                .isEqualTo(missing).contains("REGISTRATION_FORM", "FOOD_SAFETY_CERTIFICATE").doesNotContain("BUSINESS_PLAN");
        assertThat(refused.text("/detail")).contains("FOOD_SAFETY_CERTIFICATE");
        assertThat(http().get("/api/products/" + productId).text("/status")).isEqualTo("DRAFT");
        productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_REGISTERED));
        assertThat(productTopic.recordsWhere(r -> is(r, productId, CatalogEvents.PRODUCT_SUBMITTED))).isEmpty();
    }

    @Test
    void aLevelTheRuleSetInForceDoesNotHaveIsRefused() {
        String productId = submittableTea();

        Response district = http().post("/api/products/" + productId + "/submissions", Map.of("level", "DISTRICT"));
        assertThat(district.status()).isEqualTo(400);
        assertThat(district.at("/errors").findValuesAsString("field")).containsExactly("level");
        assertThat(district.text("/errors/0/message")).contains("COMMUNE or PROVINCE");
        assertThat(http().post("/api/products/" + productId + "/submissions", Map.of("level", "moon")).status())
                .isEqualTo(400);
        assertThat(http().get("/api/products/" + productId).text("/status")).isEqualTo("DRAFT");
    }

    @Test
    void productUnderEvaluationCannotBeSubmittedAgain() {
        String productId = submittableTea();
        assertThat(http().post("/api/products/" + productId + "/submissions").status()).isEqualTo(202);

        Response again = http().post("/api/products/" + productId + "/submissions");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("/type")).isEqualTo("/problems/product-not-submittable");
        productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_SUBMITTED));
        assertThat(productTopic.recordsWhere(r -> is(r, productId, CatalogEvents.PRODUCT_SUBMITTED))).hasSize(1);
    }

    @Test
    void certificateFromTheCouncilShowsOnTheProductUntilItIsRevoked() {
        String productId = submittableTea();
        http().post("/api/products/" + productId + "/submissions");
        publishExampleCertificate(productId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response product = http().get("/api/products/" + productId);
            assertThat(product.text("/status")).isEqualTo("CERTIFIED");
            assertThat(product.at("/stars").asInt()).isEqualTo(4);
            assertThat(product.text("/certificateNo")).isEqualTo("OCOP-2026-000123");
            assertThat(product.text("/certificateValidUntil")).isEqualTo("2029-04-20");
            assertThat(product.text("/certifiedLevel")).isEqualTo("PROVINCE");
        });

        TestEvents.publish(new CertificationRevoked(UUID.randomUUID(), Instant.now(), "OCOP-2019-000001",
                UUID.fromString(productId), "Giấy chứng nhận cũ"));
        TestEvents.publish(new CertificationRejected(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                UUID.fromString(productId), 2, 45.0, "CENTRAL", java.util.List.of("Chưa đạt 5 sao ở cấp Trung ương")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response product = http().get("/api/products/" + productId);
            assertThat(product.text("/evaluationNote")).isEqualTo("Chưa đạt 5 sao ở cấp Trung ương");
            assertThat(product.text("/status")).as("an older certificate's revocation and a higher level's rejection")
                    .isEqualTo("CERTIFIED");
            assertThat(product.text("/certificateNo")).isEqualTo("OCOP-2026-000123");
        });

        TestEvents.publish(new CertificationRevoked(UUID.randomUUID(), Instant.now(), "OCOP-2026-000123",
                UUID.fromString(productId), "Vi phạm an toàn thực phẩm"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response product = http().get("/api/products/" + productId);
            assertThat(product.text("/status")).isEqualTo("REVOKED");
            assertThat(product.at("/certificateNo").isNull()).isTrue();
            assertThat(product.text("/evaluationNote")).contains("OCOP-2026-000123").contains("Vi phạm an toàn thực phẩm");
        });
    }

    @Test
    void anExpiredCertificateLeavesTheProductToBeSubmittedAgain() {
        String productId = submittableTea();
        http().post("/api/products/" + productId + "/submissions");
        publishExampleCertificate(productId);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/products/" + productId).text("/status").equals("CERTIFIED"));

        TestEvents.publish(new CertificationExpired(UUID.randomUUID(), Instant.now(), "OCOP-2026-000123",
                UUID.fromString(productId), java.time.LocalDate.parse("2029-04-20")));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/products/" + productId).text("/status").equals("EXPIRED"));
        assertThat(http().post("/api/products/" + productId + "/submissions").status()).isEqualTo(202);
    }

    /** The certificate of the contract's example, re-addressed to this product: what evaluation would publish. */
    private static void publishExampleCertificate(String productId) {
        String example = EventContracts.example(EvaluationEvents.PRODUCT_CERTIFIED);
        String eventId = UUID.randomUUID().toString();
        String body = example.replace("5b1f7a52-3c1e-4a57-9a0e-0d6a2f1c9b11", productId)
                .replace("8f0c1c39-3b1c-4d9a-9a7e-5b7d2c1e0a03", eventId);
        TestEvents.publishRaw(Topics.EVALUATION_CERTIFICATION, productId, body.getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.ID, eventId,
                CloudEventHeaders.TYPE, EvaluationEvents.PRODUCT_CERTIFIED.name(),
                CloudEventHeaders.SOURCE, EvaluationEvents.SOURCE,
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.SUBJECT, productId,
                CloudEventHeaders.CONTENT_TYPE, "application/json"));
    }

    static void assertWireFormat(ConsumerRecord<String, byte[]> record, EventType<?> type, String productId) {
        assertThat(TopicProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/catalog-service");
        assertThat(TopicProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(productId);
        assertThat(TopicProbe.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TopicProbe.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(TopicProbe.body(record)).contains("\"eventId\":\"" + TopicProbe.header(record, CloudEventHeaders.ID) + "\"");
        assertThat(EventContracts.violations(type, TopicProbe.body(record))).isEmpty();
    }
}
