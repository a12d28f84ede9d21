package vn.ocop.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §2 end to end, through the public HTTP APIs only: a producer registers and submits a
 * product, a council certifies it, the product becomes a listing by itself, the office sees it,
 * a supermarket orders it, and the producer gets the lead.
 */
class WholeFlowTest {

    /** A one-page PDF, enough for a dossier document in a test. */
    private static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient UPLOADS = HttpClient.newHttpClient();

    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void certifiedProductFlowsFromRegistrationToAProducerLead() {
        // A province of its own keeps this test's dashboard figures apart.
        String province = "Thái Nguyên " + UUID.randomUUID().toString().substring(0, 8);
        String productName = "Chè Tân Cương đặc biệt " + UUID.randomUUID().toString().substring(0, 8);

        String producerId = created(platform.catalog().post("/api/producers", producer(province)));
        String productId = created(platform.catalog().post("/api/products", product(producerId, productName, province)));
        Response incomplete = platform.catalog().post("/api/products/" + productId + "/submissions", Map.of("level", "PROVINCE"));
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.at("/missing").size()).isPositive();
        completeDossier(productId);
        Response submission = platform.catalog().post("/api/products/" + productId + "/submissions", Map.of("level", "PROVINCE"));
        assertThat(submission.status()).isEqualTo(202);

        String evaluationId = awaitEvaluation(submission.text("/submissionId"));
        Response evaluation = platform.evaluation().get("/api/evaluations/" + evaluationId);
        assertThat(evaluation.text("/evaluation/product/name")).isEqualTo(productName);
        scoreByTheCouncil(evaluationId, 0.82);

        Response decision = platform.evaluation().post("/api/evaluations/" + evaluationId + "/decision");
        assertThat(decision.at("/stars").asInt()).isEqualTo(4);
        String certificateNo = decision.text("/certificateNo");

        Response listing = awaitListing(productName);
        String listingId = listing.text("/items/0/id");
        assertThat(listing.text("/items/0/certificateNo")).isEqualTo(certificateNo);
        assertThat(listing.at("/items/0/stars").asInt()).isEqualTo(4);
        assertThat(listing.text("/items/0/producerName")).isEqualTo("Hợp tác xã Chè Tân Cương");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response product = platform.catalog().get("/api/products/" + productId);
            assertThat(product.text("/status")).isEqualTo("CERTIFIED");
            assertThat(product.text("/certificateNo")).isEqualTo(certificateNo);
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.notification()
                .get("/api/events?type=vn.ocop.marketplace.listing-created.v1&subject=" + listingId).at("/items").size() == 1);
        String summary = "/api/dashboard/summary?province=" + province.replace(" ", "%20");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Response dashboard = platform.notification().get(summary);
            assertThat(dashboard.at("/funnel").findValues("count").stream().map(n -> n.asLong()).toList())
                    .containsExactly(1L, 1L, 1L, 1L, 0L);
        });

        String retailerId = created(platform.marketplace().post("/api/retailers", supermarket()));
        Response order = platform.marketplace().post("/api/orders", order(retailerId, listingId, 200),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(order.status()).isEqualTo(201);
        assertThat(order.at("/totalVnd").asLong()).isEqualTo(200 * 180_000L);

        Response leads = await().atMost(Duration.ofSeconds(20)).until(
                () -> platform.notification().get("/api/leads?producerId=" + producerId),
                response -> response.at("/items").size() == 1);
        assertThat(leads.text("/items/0/buyerName")).isEqualTo("Siêu thị Hà Nội Xanh");
        assertThat(leads.text("/items/0/productName")).isEqualTo(productName);
        assertThat(leads.at("/items/0/valueVnd").asLong()).isEqualTo(36_000_000L);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> platform.notification().get(summary).at("/orders/placed").asLong() == 1);
    }

    /**
     * Prints the time from the certifying decision to the listing being searchable, over a run of
     * certifications: a figure for the record, not an assertion.
     */
    @Test
    void timeFromCertifyingDecisionToSearchableListingIsMeasured() {
        String province = "Hà Giang";
        String producerId = created(platform.catalog().post("/api/producers", producer(province)));
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String productName = "Mật ong bạc hà " + UUID.randomUUID().toString().substring(0, 8);
            String productId = created(platform.catalog().post("/api/products", product(producerId, productName, province)));
            completeDossier(productId);
            String submissionId = platform.catalog().post("/api/products/" + productId + "/submissions").text("/submissionId");
            String evaluationId = awaitEvaluation(submissionId);
            scoreByTheCouncil(evaluationId, 0.6);

            long start = System.nanoTime();
            assertThat(platform.evaluation().post("/api/evaluations/" + evaluationId + "/decision").at("/certified").asBoolean())
                    .isTrue();
            awaitListing(productName);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        List<Long> warm = millis.subList(2, millis.size()).stream().sorted().toList();
        System.out.printf("certified -> searchable listing, %d decisions after 2 warm-up: min %d ms, median %d ms, max %d ms (all: %s)%n",
                warm.size(), warm.getFirst(), warm.get(warm.size() / 2), warm.getLast(), millis);
        assertThat(millis).hasSize(12);
    }

    @Test
    void everyServiceReportsReadinessMetricsAndItsApiDescription() {
        for (var service : List.of(platform.catalog(), platform.evaluation(), platform.marketplace(), platform.notification())) {
            assertThat(service.get("/actuator/health/readiness").text("/status")).isEqualTo("UP");
            assertThat(service.get("/actuator/health/liveness").text("/status")).isEqualTo("UP");
            assertThat(service.getText("/actuator/prometheus")).contains("ocop_outbox_lag_seconds").contains("ocop_outbox_pending");
            Response api = service.get("/v3/api-docs");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.text("/openapi")).startsWith("3.");
            assertThat(api.at("/paths").size()).isPositive();
        }
    }

    @Test
    void everyServiceAnswersEvenSpringsOwnErrorsAsProblemDetails() {
        for (var service : List.of(platform.catalog(), platform.evaluation(), platform.marketplace(), platform.notification())) {
            Response unknownPath = service.get("/api/no-such-thing");
            Response wrongMethod = service.send("DELETE", "/actuator/health", "", "application/json");
            Response wrongMediaType = service.send("POST", "/api/leads/" + UUID.randomUUID() + "/status", "status=WON",
                    "text/plain");
            for (Response problem : List.of(unknownPath, wrongMethod)) {
                assertThat(problem.status()).isBetween(400, 499);
            }
            assertThat(unknownPath.status()).isEqualTo(404);
            assertThat(unknownPath.contentType()).startsWith("application/problem+json");
            assertThat(unknownPath.text("/type")).startsWith("/problems/");
            assertThat(unknownPath.body().toString()).doesNotContain("Exception").doesNotContain("trace");
            if (wrongMediaType.status() == 415) {
                assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");
            }
        }
        Response wrongMethod = platform.catalog().send("DELETE", "/api/product-groups", "", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.text("/type")).isEqualTo("/problems/method-not-allowed");
        Response wrongMediaType = platform.catalog().send("POST", "/api/producers", "name=x", "text/plain");
        assertThat(wrongMediaType.status()).isEqualTo(415);
        assertThat(wrongMediaType.contentType()).startsWith("application/problem+json");
        assertThat(wrongMediaType.text("/type")).isEqualTo("/problems/unsupported-media-type");
    }

    private static String awaitEvaluation(String submissionId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(
                () -> platform.evaluation().get("/api/evaluations?submissionId=" + submissionId),
                response -> response.at("/items").size() == 1).text("/items/0/id");
    }

    private static Response awaitListing(String productName) {
        String query = "/api/listings?q=" + productName.replace(" ", "+");
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> platform.marketplace().get(query), response -> response.at("/items").size() == 1);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("/id");
    }

    private static Map<String, Object> producer(String province) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Hợp tác xã Chè Tân Cương");
        body.put("type", "COOPERATIVE");
        body.put("taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        body.put("province", province);
        body.put("commune", "Tân Cương");
        body.put("phone", "0208 3855 123");
        body.put("email", "htxchetancuong@example.vn");
        return body;
    }

    private static Map<String, Object> product(String producerId, String name, String province) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("name", name);
        body.put("group", 2);
        body.put("subgroup", "2.2");
        body.put("description", "Chè xanh búp khô, hái tay");
        body.put("story", "Vùng chè dưới chân núi Pháo.");
        body.put("unit", "hộp 200 g");
        body.put("wholesalePriceVnd", 180_000);
        body.put("minOrderQuantity", 50);
        body.put("origin", Map.of("province", province, "commune", "Tân Cương"));
        return body;
    }

    /** Every member of the council the case names scores each criterion of its template at the same share of the maximum. */
    private static void scoreByTheCouncil(String evaluationId, double share) {
        Response evaluation = platform.evaluation().get("/api/evaluations/" + evaluationId);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (JsonNode criterion : evaluation.at("/template/criteria")) {
            scores.add(Map.of("criterion", criterion.get("code").asString(),
                    "points", (int) Math.round(criterion.get("maxPoints").asInt() * share)));
        }
        List<String> members = evaluation.at("/council/members").findValuesAsString("name");
        assertThat(members).isNotEmpty();
        for (String member : members) {
            Response sheet = platform.evaluation().post("/api/evaluations/" + evaluationId + "/scores",
                    Map.of("evaluator", member, "scores", scores));
            assertThat(sheet.status()).as(sheet.body().toString()).isEqualTo(201);
        }
    }

    /** Uploads a small PDF for every document the product's dossier still lacks, as a multipart form. */
    private static void completeDossier(String productId) {
        for (JsonNode type : platform.catalog().get("/api/products/" + productId + "/dossier").at("/missing")) {
            String boundary = "----ocop" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + type.asString().toLowerCase() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(PDF);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = UPLOADS.send(HttpRequest.newBuilder(
                                URI.create(platform.catalogUrl() + "/api/products/" + productId + "/documents/" + type.asString()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(platform.catalog().get("/api/products/" + productId + "/dossier").at("/complete").asBoolean()).isTrue();
    }

    private static Map<String, Object> supermarket() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Siêu thị Hà Nội Xanh");
        body.put("type", "SUPERMARKET_CHAIN");
        body.put("taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        body.put("province", "Hà Nội");
        body.put("address", "25 Tràng Tiền, Hoàn Kiếm");
        return body;
    }

    private static Map<String, Object> order(String retailerId, String listingId, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retailerId", retailerId);
        body.put("listingId", listingId);
        body.put("quantity", quantity);
        body.put("deliveryProvince", "Hà Nội");
        body.put("deliveryAddress", "Kho Long Biên, 12 Ngọc Lâm");
        return body;
    }
}
