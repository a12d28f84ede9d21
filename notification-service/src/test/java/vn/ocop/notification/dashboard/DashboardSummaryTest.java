package vn.ocop.notification.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
    void periodEndingBeforeItStartsIsRefused() {
        Response response = http().get("/api/dashboard/summary?from=2026-03-02&to=2026-03-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("to");
        assertThat(http().get("/api/dashboard/summary?from=yesterday").status()).isEqualTo(400);
    }
}
