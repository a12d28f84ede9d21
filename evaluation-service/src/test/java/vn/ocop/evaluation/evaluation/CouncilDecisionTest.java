package vn.ocop.evaluation.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.evaluation.Cases;
import vn.ocop.evaluation.EvaluationIntegrationTest;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CouncilDecisionTest extends EvaluationIntegrationTest {

    private static TopicProbe certificationTopic;

    @BeforeAll
    static void probe() {
        certificationTopic = TopicProbe.on(Topics.EVALUATION_CERTIFICATION);
    }

    @AfterAll
    static void closeProbe() {
        certificationTopic.close();
    }

    private Cases cases() {
        return new Cases(http());
    }

    @Test
    void submissionOpensACaseWithTheProductTheTemplateOfItsGroupAndItsCouncil() {
        ProductSubmitted submitted = Cases.fishSauce("PROVINCE");

        String id = cases().open(submitted);

        Response evaluation = http().get("/api/evaluations/" + id);
        assertThat(evaluation.text("/evaluation/status")).isEqualTo("OPEN");
        assertThat(evaluation.text("/evaluation/level")).isEqualTo("PROVINCE");
        assertThat(evaluation.text("/evaluation/ruleSet")).isEqualTo("QD148-2023-2025");
        assertThat(evaluation.text("/evaluation/product/name")).isEqualTo("Nước mắm Phú Quốc 40 độ đạm");
        assertThat(evaluation.at("/template/parts").findValues("maxPoints").stream().limit(1)).isNotEmpty();
        assertThat(evaluation.at("/template/parts").valueStream().mapToInt(part -> part.get("maxPoints").asInt()).sum())
                .isEqualTo(100);
        assertThat(evaluation.at("/template/criteria").valueStream().mapToInt(c -> c.get("maxPoints").asInt()).sum())
                .isEqualTo(100);
        assertThat(evaluation.at("/template/criteria").valueStream().allMatch(c -> c.get("representative").asBoolean()))
                .as("representative criteria say so").isTrue();
        assertThat(evaluation.text("/council/level")).isEqualTo("PROVINCE");
        assertThat(evaluation.at("/council/members").size()).isPositive();
        assertThat(evaluation.at("/missingEvaluators").size()).isEqualTo(evaluation.at("/council/members").size());
    }

    @Test
    void theSameSubmissionDeliveredTwiceOpensOneCase() {
        ProductSubmitted submitted = Cases.fishSauce("PROVINCE");
        cases().open(submitted);

        TestEvents.publish(submitted);
        cases().open(Cases.fishSauce("PROVINCE"));

        assertThat(http().get("/api/evaluations?submissionId=" + submitted.submissionId()).at("/items").size()).isEqualTo(1);
    }

    @Test
    void councilAwardsFourStarsAndTheCertificateIsPublishedAndVerifiable() {
        ProductSubmitted submitted = Cases.fishSauce("PROVINCE");
        String id = cases().open(submitted);

        Response decision = cases().decide(id, 0.8);

        assertThat(decision.at("/stars").asInt()).isEqualTo(4);
        assertThat(decision.at("/averageScore").asDouble()).isEqualTo(80.0);
        assertThat(decision.at("/certified").asBoolean()).isTrue();
        assertThat(decision.at("/forwardedTo").isNull()).isTrue();
        String certificateNo = decision.text("/certificateNo");
        assertThat(certificateNo).matches("OCOP-\\d{4}-\\d{6}");

        Response certificate = http().get("/api/certificates/" + certificateNo);
        assertThat(certificate.text("/productName")).isEqualTo("Nước mắm Phú Quốc 40 độ đạm");
        assertThat(certificate.text("/status")).isEqualTo("ACTIVE");
        assertThat(certificate.at("/valid").asBoolean()).isTrue();
        assertThat(java.time.LocalDate.parse(certificate.text("/validUntil")))
                .isEqualTo(java.time.LocalDate.parse(certificate.text("/validFrom")).plusMonths(36));

        ConsumerRecord<String, byte[]> record = certificationTopic.await(r ->
                submitted.productId().toString().equals(r.key()));
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(EvaluationEvents.PRODUCT_CERTIFIED.name());
        assertThat(EventContracts.violations(EvaluationEvents.PRODUCT_CERTIFIED, TopicProbe.body(record))).isEmpty();
        assertThat(TopicProbe.body(record)).contains(certificateNo).contains("\"stars\":4").contains("\"ruleSet\":\"QD148-2023-2025\"");
    }

    @Test
    void lowScoreIsRejectedWithAReasonTheProducerCanReadAndNoCertificate() {
        ProductSubmitted submitted = Cases.fishSauce("COMMUNE");
        String id = cases().open(submitted);

        Response decision = cases().decide(id, 0.42);

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
    void aDecisionWaitsForEveryMemberAndNamesThoseMissing() {
        String id = cases().open(Cases.fishSauce("PROVINCE"));
        List<String> members = cases().members(id);
        assertThat(members).hasSizeGreaterThan(1);

        Response early = http().post("/api/evaluations/" + id + "/decision");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("/type")).isEqualTo("/problems/score-sheets-missing");
        assertThat(early.at("/missing").valueStream().map(n -> n.asString()).toList()).isEqualTo(members);

        assertThat(http().post("/api/evaluations/" + id + "/scores", cases().sheet(id, members.getFirst(), 0.7)).status())
                .isEqualTo(201);
        Response stillEarly = http().post("/api/evaluations/" + id + "/decision");
        assertThat(stillEarly.status()).isEqualTo(409);
        assertThat(stillEarly.at("/missing").valueStream().map(n -> n.asString()).toList())
                .isEqualTo(members.subList(1, members.size()));
        assertThat(stillEarly.text("/detail")).contains(members.getLast());
        assertThat(http().get("/api/evaluations/" + id).text("/evaluation/status")).isEqualTo("OPEN");
    }

    @Test
    void badSheetsAreRefusedAndChangeNothing() {
        String id = cases().open(Cases.fishSauce("PROVINCE"));
        String member = cases().members(id).getFirst();

        Map<String, Object> overMax = cases().sheet(id, member, 1.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scores = (List<Map<String, Object>>) overMax.get("scores");
        scores.set(0, Map.of("criterion", "A1.1", "points", 9));
        Response tooHigh = http().post("/api/evaluations/" + id + "/scores", overMax);
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.contentType()).startsWith("application/problem+json");
        assertThat(tooHigh.at("/errors/0/message").asString()).contains("A1.1 takes 0 to 8 points, not 9");

        scores.set(0, Map.of("criterion", "Z9", "points", 1));
        Response unknown = http().post("/api/evaluations/" + id + "/scores", overMax);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/errors/0/message")).contains("unknown criterion Z9").contains("A1.1 is not scored");

        Response outsider = http().post("/api/evaluations/" + id + "/scores", cases().sheet(id, "Người Ngoài Hội Đồng", 0.6));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.text("/type")).isEqualTo("/problems/not-a-council-member");
        assertThat(outsider.at("/members").size()).isPositive();

        assertThat(http().post("/api/evaluations/" + id + "/scores", "{\"evaluator\": \"" + member + "\", \"scores\": 7}").status())
                .isEqualTo(400);
        assertThat(http().get("/api/evaluations/" + id).at("/scoreSheets").size()).isZero();
    }

    @Test
    void eachMemberScoresOnceAndADecidedCaseTakesNothingMore() {
        String id = cases().open(Cases.fishSauce("PROVINCE"));
        String first = cases().members(id).getFirst();
        cases().scoreByEveryMember(id, 0.6);

        Response again = http().post("/api/evaluations/" + id + "/scores", cases().sheet(id, first.toUpperCase(), 0.9));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).isEqualTo("/problems/score-sheet-exists");

        assertThat(http().post("/api/evaluations/" + id + "/decision").status()).isEqualTo(200);
        Response twice = http().post("/api/evaluations/" + id + "/decision");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/type")).isEqualTo("/problems/evaluation-decided");
        assertThat(http().post("/api/evaluations/" + id + "/scores", cases().sheet(id, first, 0.9)).status()).isEqualTo(409);
    }

    @Test
    void withdrawingTheProductClosesItsOpenCase() {
        ProductSubmitted submitted = Cases.fishSauce("COMMUNE");
        String id = cases().open(submitted);

        TestEvents.publish(new ProductWithdrawn(UUID.randomUUID(), Instant.now(), submitted.productId(),
                submitted.product().producerId(), "Ngừng sản xuất"));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/evaluations/" + id).text("/evaluation/status").equals("WITHDRAWN"));
        Response scoring = http().post("/api/evaluations/" + id + "/scores",
                cases().sheet(id, cases().members(id).getFirst(), 0.6));
        assertThat(scoring.status()).isEqualTo(409);
        assertThat(scoring.text("/type")).isEqualTo("/problems/evaluation-withdrawn");
    }

    @Test
    void unknownEvaluationIsNotFoundAndBadParametersAreRefused() {
        assertThat(http().get("/api/evaluations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http().get("/api/evaluations/not-a-uuid").status()).isEqualTo(400);
        assertThat(http().get("/api/evaluations?limit=1000").status()).isEqualTo(400);
        assertThat(http().get("/api/evaluations?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(http().post("/api/evaluations/" + UUID.randomUUID() + "/decision").status()).isEqualTo(404);
        assertThat(http().get("/api/certificates/OCOP-1999-000000").status()).isEqualTo(404);
    }
}
