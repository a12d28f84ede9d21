package vn.ocop.notification.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.marketplace.ListingWithdrawn;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DashboardSummaryTest extends NotificationIntegrationTest {

    @Test
    void summaryCountsAKnownSeriesOfEventsOnceEachEvenWhenRedelivered() {
        // A province of its own keeps this test's figures apart from every other test's.
        String province = "Hà Giang " + UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T03:00:00Z");
        ProgrammeEvents honey = new ProgrammeEvents(province, at);
        ProgrammeEvents second = new ProgrammeEvents(province, at);
        OrderPlaced order = honey.ordered(30);

        TestEvents.publish(honey.registered());
        TestEvents.publish(second.registered());
        TestEvents.publish(honey.submitted());
        TestEvents.publish(second.submitted());
        TestEvents.publish(honey.certified(4));
        TestEvents.publish(honey.listed(4));
        TestEvents.publish(order);
        TestEvents.publish(order);
        OrderPlaced last = honey.ordered(20);
        TestEvents.publish(last);

        String query = "/api/dashboard/summary?province=" + province.replace(" ", "%20");
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(query).at("/orders/placed").asLong() == 2);
        Response summary = http().get(query);
        assertThat(summary.at("/products/registered").asLong()).isEqualTo(2);
        assertThat(summary.at("/products/submitted").asLong()).isEqualTo(2);
        assertThat(summary.at("/products/certified").asLong()).isEqualTo(1);
        assertThat(summary.at("/products/certifiedByStars/4").asLong()).isEqualTo(1);
        assertThat(summary.at("/products/certifiedByLevel/PROVINCE").asLong()).isEqualTo(1);
        assertThat(summary.at("/listings/created").asLong()).isEqualTo(1);
        assertThat(summary.at("/listings/byGroup/1").asLong()).isEqualTo(1);
        assertThat(summary.at("/orders/valueVnd").asLong()).isEqualTo(50 * 320_000L);
        assertThat(summary.at("/funnel").findValuesAsString("stage"))
                .containsExactly("registered", "submitted", "certified", "listed", "ordered");
        assertThat(summary.at("/funnel").findValues("count").stream().map(n -> n.asLong()).toList())
                .containsExactly(2L, 2L, 1L, 1L, 2L);

        Response otherDays = http().get(query + "&from=2026-03-02&to=2026-03-31");
        assertThat(otherDays.at("/products/registered").asLong()).isZero();
        Response thatDay = http().get(query + "&from=2026-03-01&to=2026-03-01");
        assertThat(thatDay.at("/products/registered").asLong()).isEqualTo(2);
    }

    @Test
    void summaryFollowsTheWholeProgrammeEndsOfCertificatesListingsOrdersAndDemand() {
        String province = "Thái Nguyên " + UUID.randomUUID();
        Instant march = Instant.parse("2026-03-10T03:00:00Z");
        Instant april = Instant.parse("2026-04-10T03:00:00Z");
        ProgrammeEvents tea = new ProgrammeEvents(province, march);
        ProgrammeEvents honey = new ProgrammeEvents(province, march);
        ProgrammeEvents rice = new ProgrammeEvents(province, march);
        ProgrammeEvents rejected = new ProgrammeEvents(province, march);

        TestEvents.publish(tea.certified(4));
        TestEvents.publish(honey.certified(5));
        TestEvents.publish(rice.certified(3));
        TestEvents.publish(tea.listed(4));
        TestEvents.publish(honey.listed(5));
        TestEvents.publish(rice.listed(3));
        TestEvents.publish(rejected.submitted());
        awaitCount(province, "/products/submitted", 1);
        TestEvents.publish(rejected.rejected());
        // The revocation and the withdrawal of rice happen in April (the certificate was issued in March).
        TestEvents.publish(new CertificationRevoked(UUID.randomUUID(), april,
                rice.certificateNo, rice.productId(), "Vi phạm"));
        TestEvents.publish(new ListingWithdrawn(UUID.randomUUID(), april, rice.listingId,
                rice.productId(), rice.producerId(), rice.product.name(), province, "CERTIFICATE_REVOKED", rice.certificateNo));
        TestEvents.publish(honey.expired());
        OrderPlaced big = tea.ordered(100);
        OrderPlaced small = tea.ordered(10);
        TestEvents.publish(big);
        TestEvents.publish(small);
        TestEvents.publish(tea.accepted(big));
        TestEvents.publish(tea.delivered(big));
        TestEvents.publish(tea.accepted(small));
        TestEvents.publish(tea.cancelled(small));
        UUID request = UUID.randomUUID();
        TestEvents.publish(tea.requestPosted(request));
        TestEvents.publish(tea.matched(request));
        TestEvents.publish(honey.matched(request));
        TestEvents.publish(tea.requestClosed(request));

        String query = "/api/dashboard/summary?province=" + province.replace(" ", "%20");
        Response summary = await().atMost(Duration.ofSeconds(20)).until(() -> http().get(query),
                r -> r.at("/demand/requestsClosed").asLong() == 1 && r.at("/demand/matches").asLong() == 2
                        && r.at("/orders/cancelled").asLong() == 1 && r.at("/orders/delivered").asLong() == 1
                        && r.at("/listings/withdrawn").asLong() == 1 && r.at("/products/revoked").asLong() == 1
                        && r.at("/products/expired").asLong() == 1 && r.at("/products/rejected").asLong() == 1);
        assertThat(summary.at("/products/certified").asLong()).isEqualTo(3);
        assertThat(summary.at("/listings/created").asLong()).isEqualTo(3);
        assertThat(summary.at("/listings/active").asLong()).isEqualTo(2);
        assertThat(summary.at("/listings/activeByGroup/1").asLong()).isEqualTo(2);
        assertThat(summary.at("/listings/activeByProvince").properties()).hasSize(1);
        assertThat(summary.at("/listings/activeByProvince").get(province).asLong()).isEqualTo(2);
        assertThat(summary.at("/orders/placed").asLong()).isEqualTo(2);
        assertThat(summary.at("/orders/valueVnd").asLong()).isEqualTo(110 * 320_000L);
        assertThat(summary.at("/orders/accepted").asLong()).isEqualTo(2);
        assertThat(summary.at("/orders/acceptedValueVnd").asLong()).isEqualTo(110 * 320_000L);
        assertThat(summary.at("/orders/deliveredValueVnd").asLong()).isEqualTo(100 * 320_000L);
        assertThat(summary.at("/demand/requestsPosted").asLong()).isEqualTo(1);

        Response march2026 = http().get(query + "&from=2026-03-01&to=2026-03-31");
        assertThat(march2026.at("/listings/created").asLong()).isEqualTo(3);
        assertThat(march2026.at("/listings/withdrawn").asLong()).isZero();
        assertThat(march2026.at("/listings/active").asLong()).as("active at the end of March").isEqualTo(3);
        assertThat(march2026.at("/products/revoked").asLong()).isZero();
        Response april2026 = http().get(query + "&from=2026-04-01&to=2026-04-30");
        assertThat(april2026.at("/listings/created").asLong()).isZero();
        assertThat(april2026.at("/listings/withdrawn").asLong()).isEqualTo(1);
        assertThat(april2026.at("/listings/active").asLong()).as("listings created before April still count").isEqualTo(2);
        assertThat(april2026.at("/products/revoked").asLong()).isEqualTo(1);
    }

    @Test
    void aWithdrawalThatArrivesBeforeItsListingLeavesTheListingInactive() {
        String province = "Yên Bái " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());

        TestEvents.publish(honey.withdrawn());
        String query = "/api/dashboard/summary?province=" + province.replace(" ", "%20");
        await().atMost(Duration.ofSeconds(20)).until(() -> http()
                .get("/api/events?subject=" + honey.listingId).at("/items").size() == 1);
        TestEvents.publish(honey.listed(4));

        Response summary = await().atMost(Duration.ofSeconds(20)).until(() -> http().get(query),
                r -> r.at("/listings/created").asLong() == 1);
        assertThat(summary.at("/listings/withdrawn").asLong()).isEqualTo(1);
        assertThat(summary.at("/listings/active").asLong()).isZero();
        assertThat(summary.at("/listings/activeByProvince").properties()).isEmpty();
    }

    @Test
    void aProductClimbingTheLevelsIsOneCertifiedProductWithOneCertificatePerLevel() {
        String province = "Lào Cai " + UUID.randomUUID();
        ProgrammeEvents tea = new ProgrammeEvents(province, Instant.parse("2026-04-01T03:00:00Z"));
        TestEvents.publish(tea.registered());
        TestEvents.publish(tea.submitted());
        TestEvents.publish(tea.certified(3));
        TestEvents.publish(tea.certified(4));
        TestEvents.publish(tea.certified(5));

        String query = "/api/dashboard/summary?province=" + province.replace(" ", "%20");
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(query).at("/products/certifiedByStars/5").asLong() == 1);
        Response summary = http().get(query);

        assertThat(summary.at("/products/certified").asLong()).isEqualTo(1);
        assertThat(summary.at("/products/certifiedByStars/3").asLong()).isEqualTo(1);
        assertThat(summary.at("/products/certifiedByStars/4").asLong()).isEqualTo(1);
        assertThat(summary.at("/funnel").findValues("count").stream().map(n -> n.asLong()).toList().subList(0, 3))
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void periodEndingBeforeItStartsIsRefused() {
        Response response = http().get("/api/dashboard/summary?from=2026-03-02&to=2026-03-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("to");
        assertThat(http().get("/api/dashboard/summary?from=yesterday").status()).isEqualTo(400);
    }

    private void awaitCount(String province, String pointer, long count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> http()
                .get("/api/dashboard/summary?province=" + province.replace(" ", "%20")).at(pointer).asLong() == count);
    }
}
