package vn.ocop.evaluation.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.evaluation.EvaluationIntegrationTest;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CouncilDecisionTest extends EvaluationIntegrationTest {

    private static final List<String> CRITERIA = List.of("A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3");
    private static final List<Integer> MAXIMA = List.of(15, 15, 10, 10, 10, 5, 15, 10, 10);

    private static TopicProbe certificationTopic;

    @BeforeAll
    static void probe() {
        certificationTopic = TopicProbe.on(Topics.EVALUATION_CERTIFICATION);
    }

    @AfterAll
    static void closeProbe() {
        certificationTopic.close();
    }

    static ProductSubmitted fishSauceFromPhuQuoc() {
        UUID productId = UUID.randomUUID();
        return new ProductSubmitted(UUID.randomUUID(), Instant.now(), productId, UUID.randomUUID(), "PROVINCE",
                new ProductSnapshot(productId, UUID.randomUUID(), "Công ty TNHH Nước mắm Khải Hoàn", "Nước mắm Phú Quốc 40 độ đạm",
                        1, "1.3", "Nước mắm cá cơm truyền thống", "Ủ chượp trong thùng gỗ bời lời", "chai 500 ml", 95000, 100,
                        "Kiên Giang", "Phú Quốc"));
    }

    /** Opens a case the way catalog does it, through a ProductSubmitted on the topic, and returns its id. */
    private String openCase(ProductSubmitted submitted) {
        TestEvents.publish(submitted);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/evaluations?submissionId=" + submitted.submissionId()),
                response -> response.at("/items").size() == 1).text("/items/0/id");
    }

    /** A full sheet scoring each criterion at the given share of its maximum. */
    private static Map<String, Object> sheet(String evaluator, double share) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (int i = 0; i < CRITERIA.size(); i++) {
            scores.add(Map.of("criterion", CRITERIA.get(i), "points", (int) Math.round(MAXIMA.get(i) * share)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluator", evaluator);
        body.put("scores", scores);
        return body;
    }

    @Test
    void submissionOpensACaseWithTheProductAndTheScoreSheetTemplate() {
        ProductSubmitted submitted = fishSauceFromPhuQuoc();

        String id = openCase(submitted);

        Response evaluation = http().get("/api/evaluations/" + id);
        assertThat(evaluation.text("/evaluation/status")).isEqualTo("OPEN");
        assertThat(evaluation.text("/evaluation/product/name")).isEqualTo("Nước mắm Phú Quốc 40 độ đạm");
        assertThat(evaluation.at("/template").size()).isEqualTo(9);
        assertThat(evaluation.at("/template/0/maxPoints").asInt()).isEqualTo(15);
    }

    @Test
    void theSameSubmissionDeliveredTwiceOpensOneCase() {
        ProductSubmitted submitted = fishSauceFromPhuQuoc();
        openCase(submitted);

        TestEvents.publish(submitted);
        ProductSubmitted marker = fishSauceFromPhuQuoc();
        openCase(marker);

        assertThat(http().get("/api/evaluations?submissionId=" + submitted.submissionId()).at("/items").size()).isEqualTo(1);
    }

    @Test
    void councilAwardsFourStarsAndTheCertificateIsPublished() {
        ProductSubmitted submitted = fishSauceFromPhuQuoc();
        String id = openCase(submitted);

        assertThat(http().post("/api/evaluations/" + id + "/scores", sheet("Nguyễn Văn An", 0.8)).status()).isEqualTo(201);
        assertThat(http().post("/api/evaluations/" + id + "/scores", sheet("Trần Thị Bình", 0.76)).status()).isEqualTo(201);
        Response decision = http().post("/api/evaluations/" + id + "/decision");

        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.at("/stars").asInt()).isEqualTo(4);
        assertThat(decision.at("/certified").asBoolean()).isTrue();
        String certificateNo = decision.text("/certificateNo");
        assertThat(certificateNo).matches("OCOP-\\d{4}-\\d{6}");

        Response certificate = http().get("/api/certificates/" + certificateNo);
        assertThat(certificate.text("/productName")).isEqualTo("Nước mắm Phú Quốc 40 độ đạm");
        assertThat(LocalDate.parse(certificate.text("/validUntil")))
                .isEqualTo(LocalDate.parse(certificate.text("/validFrom")).plusMonths(36));

        ConsumerRecord<String, byte[]> record = certificationTopic.await(r ->
                submitted.productId().toString().equals(r.key()));
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EvaluationEvents.PRODUCT_CERTIFIED.name());
        assertThat(EventContracts.violations(EvaluationEvents.PRODUCT_CERTIFIED, TopicProbe.body(record))).isEmpty();
        assertThat(TopicProbe.body(record)).contains(certificateNo).contains("\"stars\":4");
    }

    @Test
    void lowScoreIsRejectedWithAReasonTheProducerCanReadAndNoCertificate() {
        ProductSubmitted submitted = fishSauceFromPhuQuoc();
        String id = openCase(submitted);
        http().post("/api/evaluations/" + id + "/scores", sheet("Lê Văn Cường", 0.4));

        Response decision = http().post("/api/evaluations/" + id + "/decision");

        assertThat(decision.at("/stars").asInt()).isEqualTo(2);
        assertThat(decision.at("/certified").asBoolean()).isFalse();
        assertThat(decision.at("/certificateNo").isNull()).isTrue();
        ConsumerRecord<String, byte[]> record = certificationTopic.await(r ->
                submitted.productId().toString().equals(r.key()));
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EvaluationEvents.CERTIFICATION_REJECTED.name());
        assertThat(EventContracts.violations(EvaluationEvents.CERTIFICATION_REJECTED, TopicProbe.body(record))).isEmpty();
        assertThat(TopicProbe.body(record)).contains("below the 50 points");
    }

    @Test
    void refusalsChangeNothing() {
        String id = openCase(fishSauceFromPhuQuoc());

        Response early = http().post("/api/evaluations/" + id + "/decision");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("/type")).isEqualTo("/problems/evaluation-not-scored");

        Map<String, Object> overMax = sheet("Phạm Thị Dung", 1.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scores = (List<Map<String, Object>>) overMax.get("scores");
        scores.set(0, Map.of("criterion", "A1", "points", 16));
        Response tooHigh = http().post("/api/evaluations/" + id + "/scores", overMax);
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.at("/errors/0/message").asString()).contains("A1 takes 0 to 15 points, not 16");

        scores.set(0, Map.of("criterion", "Z9", "points", 1));
        assertThat(http().post("/api/evaluations/" + id + "/scores", overMax).text("/errors/0/message"))
                .contains("unknown criterion Z9");
        assertThat(http().get("/api/evaluations/" + id).at("/scoreSheets").size()).isZero();

        assertThat(http().post("/api/evaluations/" + id + "/scores", sheet("Phạm Thị Dung", 0.6)).status()).isEqualTo(201);
        assertThat(http().post("/api/evaluations/" + id + "/scores", sheet("Phạm Thị Dung", 0.9)).status()).isEqualTo(409);
        assertThat(http().post("/api/evaluations/" + id + "/decision").status()).isEqualTo(200);
        Response twice = http().post("/api/evaluations/" + id + "/decision");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/type")).isEqualTo("/problems/evaluation-decided");
        assertThat(http().post("/api/evaluations/" + id + "/scores", sheet("Hoàng Văn Em", 0.9)).status()).isEqualTo(409);
    }

    @Test
    void unknownEvaluationIsNotFoundAndBadParametersAreRefused() {
        assertThat(http().get("/api/evaluations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http().get("/api/evaluations/not-a-uuid").status()).isEqualTo(400);
        assertThat(http().get("/api/evaluations?limit=1000").status()).isEqualTo(400);
        assertThat(http().get("/api/evaluations?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(http().get("/api/certificates/OCOP-1999-000000").status()).isEqualTo(404);
    }
}
