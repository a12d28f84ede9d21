package vn.ocop.evaluation.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.evaluation.Cases;
import vn.ocop.evaluation.EvaluationIntegrationTest;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateLifecycleTest extends EvaluationIntegrationTest {

    private static TopicProbe certificationTopic;

    @Autowired
    Certificates certificates;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    static void probe() {
        certificationTopic = TopicProbe.on(Topics.EVALUATION_CERTIFICATION);
    }

    @AfterAll
    static void closeProbe() {
        certificationTopic.close();
    }

    private String certify(ProductSubmitted submitted) {
        Cases cases = new Cases(http());
        Response decision = cases.decide(cases.open(submitted), 0.6);
        assertThat(decision.at("/certified").asBoolean()).isTrue();
        return decision.text("/certificateNo");
    }

    private List<String> eventsOfType(ProductSubmitted submitted, String type) {
        return certificationTopic.recordsWhere(r -> submitted.productId().toString().equals(r.key())
                && type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE))).stream().map(TopicProbe::body).toList();
    }

    /** An expiry job as another instance of the service would run it, on a clock of the test's choosing. */
    private CertificateExpiry expiryOn(LocalDate day) {
        return new CertificateExpiry(certificates, outbox, transaction,
                Clock.fixed(day.atTime(1, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), ZoneOffset.UTC));
    }

    @Test
    void revokedCertificateIsPublishedAndNoLongerVerifiesAndCannotBeRevokedTwice() {
        ProductSubmitted submitted = Cases.fishSauce("PROVINCE");
        String certificateNo = certify(submitted);

        Response revoked = http().post("/api/certificates/" + certificateNo + "/revocation",
                Map.of("reason", "Vi phạm an toàn thực phẩm theo kết quả kiểm tra"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("/status")).isEqualTo("REVOKED");
        Response verified = http().get("/api/certificates/" + certificateNo);
        assertThat(verified.at("/valid").asBoolean()).isFalse();
        assertThat(verified.text("/endReason")).isEqualTo("Vi phạm an toàn thực phẩm theo kết quả kiểm tra");
        String event = TopicProbe.body(certificationTopic.await(r -> submitted.productId().toString().equals(r.key())
                && EvaluationEvents.CERTIFICATION_REVOKED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE))));
        assertThat(EventContracts.violations(EvaluationEvents.CERTIFICATION_REVOKED, event)).isEmpty();
        assertThat(event).contains(certificateNo);

        Response twice = http().post("/api/certificates/" + certificateNo + "/revocation", Map.of("reason", "Lần nữa"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/type")).isEqualTo("/problems/certificate-not-active");
        assertThat(http().get("/api/certificates/" + certificateNo).text("/endReason"))
                .isEqualTo("Vi phạm an toàn thực phẩm theo kết quả kiểm tra");
        assertThat(eventsOfType(submitted, EvaluationEvents.CERTIFICATION_REVOKED.name())).hasSize(1);
    }

    @Test
    void revocationNeedsAReasonAndAKnownCertificate() {
        String certificateNo = certify(Cases.fishSauce("PROVINCE"));

        Response blank = http().post("/api/certificates/" + certificateNo + "/revocation", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.at("/errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(http().post("/api/certificates/" + certificateNo + "/revocation", "{}").status()).isEqualTo(400);
        assertThat(http().get("/api/certificates/" + certificateNo).text("/status")).isEqualTo("ACTIVE");
        assertThat(http().post("/api/certificates/OCOP-1999-000000/revocation", Map.of("reason", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void certificatesExpireTheDayAfterTheirValidityOnceEvenWithTwoInstancesRunning() {
        ProductSubmitted submitted = Cases.fishSauce("PROVINCE");
        String certificateNo = certify(submitted);
        LocalDate validUntil = LocalDate.parse(http().get("/api/certificates/" + certificateNo).text("/validUntil"));

        expiryOn(validUntil).expireDue();
        assertThat(http().get("/api/certificates/" + certificateNo).text("/status"))
                .as("still valid on its last day").isEqualTo("ACTIVE");

        CertificateExpiry one = expiryOn(validUntil.plusDays(1));
        CertificateExpiry other = expiryOn(validUntil.plusDays(1));
        CompletableFuture.allOf(CompletableFuture.runAsync(one::expireDue), CompletableFuture.runAsync(other::expireDue))
                .join();

        Response expired = http().get("/api/certificates/" + certificateNo);
        assertThat(expired.text("/status")).isEqualTo("EXPIRED");
        assertThat(expired.at("/valid").asBoolean()).isFalse();
        String event = TopicProbe.body(certificationTopic.await(r -> submitted.productId().toString().equals(r.key())
                && EvaluationEvents.CERTIFICATION_EXPIRED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE))));
        assertThat(EventContracts.violations(EvaluationEvents.CERTIFICATION_EXPIRED, event)).isEmpty();
        assertThat(event).contains("\"expiredOn\":\"" + validUntil + "\"");
        assertThat(expiryOn(validUntil.plusDays(2)).expireDue()).isZero();
        assertThat(eventsOfType(submitted, EvaluationEvents.CERTIFICATION_EXPIRED.name())).hasSize(1);
    }

    @Test
    void reEvaluationBeforeExpiryRenewsAndTheOldCertificateIsSupersededNotExpired() {
        ProductSubmitted first = Cases.fishSauce("PROVINCE");
        String old = certify(first);
        ProductSubmitted again = new ProductSubmitted(java.util.UUID.randomUUID(), java.time.Instant.now(),
                first.productId(), java.util.UUID.randomUUID(), "PROVINCE", first.product());

        String renewed = certify(again);

        assertThat(renewed).isNotEqualTo(old);
        Response superseded = http().get("/api/certificates/" + old);
        assertThat(superseded.text("/status")).isEqualTo("SUPERSEDED");
        assertThat(superseded.text("/supersededBy")).isEqualTo(renewed);
        assertThat(http().get("/api/certificates/" + renewed).at("/valid").asBoolean()).isTrue();
        assertThat(http().get("/api/certificates?productId=" + first.productId()).body().findValuesAsString("certificateNo"))
                .containsExactly(renewed, old);

        LocalDate oldUntil = LocalDate.parse(superseded.text("/validUntil"));
        expiryOn(oldUntil.plusDays(1)).expireDue();
        assertThat(http().get("/api/certificates/" + old).text("/status")).isEqualTo("SUPERSEDED");
    }
}
