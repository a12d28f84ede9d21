package vn.ocop.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases the way a council meets them: opened by a submission on the topic, scored by the members
 * of the council the case names, against the template the case carries.
 */
public final class Cases {

    private final Http http;

    public Cases(Http http) {
        this.http = http;
    }

    /** A submission of fish sauce from a province of its own, so it meets the councils that serve every province. */
    public static ProductSubmitted fishSauce(String level) {
        return fishSauce(level, "Tỉnh thử " + UUID.randomUUID().toString().substring(0, 8), Instant.now());
    }

    public static ProductSubmitted fishSauce(String level, String province, Instant submittedAt) {
        UUID productId = UUID.randomUUID();
        return new ProductSubmitted(UUID.randomUUID(), submittedAt, productId, UUID.randomUUID(), level,
                new ProductSnapshot(productId, UUID.randomUUID(), "Công ty TNHH Nước mắm Khải Hoàn", "Nước mắm Phú Quốc 40 độ đạm",
                        1, "1.3", "Nước mắm cá cơm truyền thống", "Ủ chượp trong thùng gỗ bời lời", "chai 500 ml", 95000, 100,
                        province, "Phú Quốc"));
    }

    /** Publishes the submission and returns the id of the case it opens. */
    public String open(ProductSubmitted submitted) {
        TestEvents.publish(submitted);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http.get("/api/evaluations?submissionId=" + submitted.submissionId()),
                response -> response.at("/items").size() >= 1).text("/items/0/id");
    }

    public Response view(String evaluationId) {
        return http.get("/api/evaluations/" + evaluationId);
    }

    public List<String> members(String evaluationId) {
        return view(evaluationId).at("/council/members").findValuesAsString("name");
    }

    /** A full sheet giving each criterion of the case's template the same share of its maximum. */
    public Map<String, Object> sheet(String evaluationId, String evaluator, double share) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (JsonNode criterion : view(evaluationId).at("/template/criteria")) {
            scores.add(Map.of("criterion", criterion.get("code").asString(),
                    "points", (int) Math.round(criterion.get("maxPoints").asInt() * share)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluator", evaluator);
        body.put("scores", scores);
        return body;
    }

    /** Every member of the case's council scores it at the given share. */
    public void scoreByEveryMember(String evaluationId, double share) {
        for (String member : members(evaluationId)) {
            Response response = http.post("/api/evaluations/" + evaluationId + "/scores", sheet(evaluationId, member, share));
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        }
    }

    /** Scores the case by every member and takes the decision. */
    public Response decide(String evaluationId, double share) {
        scoreByEveryMember(evaluationId, share);
        Response decision = http.post("/api/evaluations/" + evaluationId + "/decision");
        assertThat(decision.status()).as(decision.body().toString()).isEqualTo(200);
        return decision;
    }
}
