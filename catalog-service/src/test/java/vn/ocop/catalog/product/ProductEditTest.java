package vn.ocop.catalog.product;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProductEditTest extends CatalogIntegrationTest {

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

    private Response patch(String productId, Object body) {
        return catalogHttp().patch("/api/products/" + productId, body);
    }

    /** A product that holds the example's certificate, as evaluation would have announced it. */
    private String certifiedTea() {
        String productId = submittableTea();
        http().post("/api/products/" + productId + "/submissions");
        String eventId = UUID.randomUUID().toString();
        String body = EventContracts.example(EvaluationEvents.PRODUCT_CERTIFIED)
                .replace("5b1f7a52-3c1e-4a57-9a0e-0d6a2f1c9b11", productId)
                .replace("8f0c1c39-3b1c-4d9a-9a7e-5b7d2c1e0a03", eventId);
        TestEvents.publishRaw(Topics.EVALUATION_CERTIFICATION, productId, body.getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.ID, eventId, CloudEventHeaders.TYPE, EvaluationEvents.PRODUCT_CERTIFIED.name(),
                CloudEventHeaders.SOURCE, EvaluationEvents.SOURCE, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.SUBJECT, productId, CloudEventHeaders.CONTENT_TYPE, "application/json"));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/products/" + productId).text("/status").equals("CERTIFIED"));
        return productId;
    }

    @Test
    void anUncertifiedProductMayChangeAnythingAndEachChangeIsAnnounced() {
        String productId = registerTea();
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("name", "Chè Tân Cương móc câu");
        edit.put("subgroup", "2.2");
        edit.put("wholesalePriceVnd", 175000);
        edit.put("origin", Map.of("province", "Thái Nguyên", "commune", "Phúc Xuân"));

        Response edited = patch(productId, edit);

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("/name")).isEqualTo("Chè Tân Cương móc câu");
        assertThat(edited.at("/wholesalePriceVnd").asLong()).isEqualTo(175000);
        assertThat(edited.text("/story")).as("untouched").isEqualTo("Vùng chè Tân Cương dưới chân núi Pháo.");
        String event = TopicProbe.body(productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_UPDATED)));
        assertThat(EventContracts.violations(CatalogEvents.PRODUCT_UPDATED, event)).isEmpty();
        assertThat(event).contains("\"changedFields\":[\"name\",\"wholesalePriceVnd\",\"originCommune\"]")
                .contains("\"name\":\"Chè Tân Cương móc câu\"").contains("\"originCommune\":\"Phúc Xuân\"");
    }

    @Test
    void aCertifiedProductsTermsFlowOnButWhatItsCertificateCoversCannotChange() {
        String productId = certifiedTea();

        Response terms = patch(productId, Map.of("wholesalePriceVnd", 170000, "minOrderQuantity", 40,
                "story", "Hái tay một tôm hai lá."));
        assertThat(terms.status()).isEqualTo(200);
        String event = TopicProbe.body(productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_UPDATED)));
        assertThat(event).contains("\"changedFields\":[\"story\",\"wholesalePriceVnd\",\"minOrderQuantity\"]")
                .contains("\"wholesalePriceVnd\":170000");

        for (Map<String, Object> identity : java.util.List.<Map<String, Object>>of(Map.of("name", "Chè khác"),
                Map.of("group", 3, "subgroup", "3.3"), Map.of("subgroup", "2.4"),
                Map.of("origin", Map.of("province", "Phú Thọ")))) {
            Response refused = patch(productId, identity);
            assertThat(refused.status()).as(identity.toString()).isEqualTo(409);
            assertThat(refused.text("/type")).isEqualTo("/problems/certified-product-identity");
            assertThat(refused.text("/detail")).contains("register a new product").contains("withdraw");
        }
        Response product = http().get("/api/products/" + productId);
        assertThat(product.text("/name")).isEqualTo("Chè Thái Nguyên Tân Cương");
        assertThat(product.text("/subgroup")).isEqualTo("2.2");
        assertThat(product.text("/certificateNo")).isEqualTo("OCOP-2026-000123");
        assertThat(productTopic.recordsWhere(r -> is(r, productId, CatalogEvents.PRODUCT_UPDATED))).hasSize(1);
    }

    @Test
    void whileTheCouncilEvaluatesAProductOnlyItsTermsChange() {
        String productId = submittableTea();
        assertThat(http().post("/api/products/" + productId + "/submissions").status()).isEqualTo(202);

        Response refused = patch(productId, Map.of("name", "Chè khác", "wholesalePriceVnd", 150000));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/type")).isEqualTo("/problems/product-under-evaluation");
        assertThat(refused.text("/detail")).contains("name").contains("once the council has decided");
        Response product = http().get("/api/products/" + productId);
        assertThat(product.text("/name")).as("nothing of a refused edit is kept").isEqualTo("Chè Thái Nguyên Tân Cương");
        assertThat(product.at("/wholesalePriceVnd").asLong()).isNotEqualTo(150000);

        Response terms = patch(productId, Map.of("wholesalePriceVnd", 150000));
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.text("/status")).isEqualTo("SUBMITTED");
        assertThat(terms.at("/wholesalePriceVnd").asLong()).isEqualTo(150000);
    }

    @Test
    void anEditThatChangesNothingAnnouncesNothing() {
        String productId = registerTea();

        assertThat(patch(productId, Map.of("unit", "hộp 200 g")).status()).isEqualTo(200);
        assertThat(patch(productId, Map.of("minOrderQuantity", 60)).status()).isEqualTo(200);

        String event = TopicProbe.body(productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_UPDATED)));
        assertThat(event).contains("\"changedFields\":[\"minOrderQuantity\"]");
        assertThat(productTopic.recordsWhere(r -> is(r, productId, CatalogEvents.PRODUCT_UPDATED))).hasSize(1);
    }

    @Test
    void badEditsAreRefusedWithTheirFieldsAndChangeNothing() {
        String productId = registerTea();

        Response invalid = patch(productId, Map.of("wholesalePriceVnd", -1, "name", " ", "minOrderQuantity", 0));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("wholesalePriceVnd", "name", "minOrderQuantity");

        Response wrongGroup = patch(productId, Map.of("group", 4));
        assertThat(wrongGroup.status()).isEqualTo(400);
        assertThat(wrongGroup.at("/errors").findValuesAsString("field")).containsExactly("subgroup");
        assertThat(patch(productId, "{\"wholesalePriceVnd\": \"nhiều\"}").status()).isEqualTo(400);
        assertThat(patch(UUID.randomUUID().toString(), Map.of("unit", "hộp")).status()).isEqualTo(404);

        Response product = http().get("/api/products/" + productId);
        assertThat(product.at("/wholesalePriceVnd").asLong()).isEqualTo(180000);
        assertThat(product.at("/group").isMissingNode() ? product.at("/productGroup").asInt() : product.at("/group").asInt())
                .isEqualTo(2);
    }

    @Test
    void aWithdrawnProductIsAnnouncedAndCanNoLongerBeEditedSubmittedOrWithdrawn() {
        String productId = submittableTea();

        Response withdrawn = http().post("/api/products/" + productId + "/withdrawal",
                Map.of("reason", "Ngừng sản xuất dòng sản phẩm này"));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("/status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.text("/withdrawalReason")).isEqualTo("Ngừng sản xuất dòng sản phẩm này");
        String event = TopicProbe.body(productTopic.await(r -> is(r, productId, CatalogEvents.PRODUCT_WITHDRAWN)));
        assertThat(EventContracts.violations(CatalogEvents.PRODUCT_WITHDRAWN, event)).isEmpty();
        assertThat(event).contains("Ngừng sản xuất");

        for (Response refused : java.util.List.of(patch(productId, Map.of("wholesalePriceVnd", 1)),
                http().post("/api/products/" + productId + "/submissions"),
                http().post("/api/products/" + productId + "/withdrawal"),
                catalogHttp().upload(productId, "TRADEMARK", "nhan-hieu.pdf", vn.ocop.catalog.CatalogFixtures.PDF))) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("/type")).isEqualTo("/problems/product-withdrawn");
        }
        assertThat(http().get("/api/products/" + productId).at("/wholesalePriceVnd").asLong()).isEqualTo(180000);
        assertThat(productTopic.recordsWhere(r -> is(r, productId, CatalogEvents.PRODUCT_WITHDRAWN))).hasSize(1);
    }
}
