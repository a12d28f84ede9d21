package vn.ocop.notification.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeadTest extends NotificationIntegrationTest {

    @Test
    void orderBecomesOneLeadForTheProducerNewestFirst() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        OrderPlaced first = honey.ordered(40);
        OrderPlaced later = new OrderPlaced(UUID.randomUUID(), first.occurredAt().plusSeconds(1), UUID.randomUUID(),
                first.listingId(), first.productId(), first.productName(), first.producerId(), first.province(),
                UUID.randomUUID(),
                "Cửa hàng Đặc sản Ba Miền", 25, first.unit(), first.unitPriceVnd(), 25 * first.unitPriceVnd(), "Đà Nẵng",
                null);

        TestEvents.publish(first);
        TestEvents.publish(first);
        TestEvents.publish(later);

        String path = "/api/leads?producerId=" + first.producerId();
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(path).at("/items").size() == 2);
        Response leads = http().get(path);
        assertThat(leads.text("/items/0/buyerName")).isEqualTo("Cửa hàng Đặc sản Ba Miền");
        assertThat(leads.text("/items/1/buyerName")).isEqualTo("Siêu thị Hà Nội Xanh");
        assertThat(leads.text("/items/1/kind")).isEqualTo("ORDER");
        assertThat(leads.text("/items/1/productName")).isEqualTo("Mật ong bạc hà Hà Giang");
        assertThat(leads.at("/items/1/quantity").asInt()).isEqualTo(40);
        assertThat(leads.at("/items/1/valueVnd").asLong()).isEqualTo(40 * 320_000L);
        assertThat(leads.text("/items/1/status")).isEqualTo("NEW");
    }

    @Test
    void demandMatchBecomesALeadForEachMatchedProducer() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        ProgrammeEvents tea = new ProgrammeEvents("Thái Nguyên", Instant.now());
        UUID requestId = UUID.randomUUID();
        DemandMatched honeyMatch = honey.matched(requestId);
        DemandMatched teaMatch = new DemandMatched(UUID.randomUUID(), honeyMatch.occurredAt(), requestId,
                honeyMatch.retailerId(), honeyMatch.retailerName(), tea.producerId(), "Hợp tác xã Chè Tân Cương",
                List.of(tea.listingId), List.of("Chè Tân Cương"), 500, "chai", null, null);

        TestEvents.publish(honeyMatch);
        TestEvents.publish(teaMatch);

        Response honeyLeads = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/leads?producerId=" + honey.producerId()), r -> r.at("/items").size() == 1);
        assertThat(honeyLeads.text("/items/0/kind")).isEqualTo("DEMAND_MATCH");
        assertThat(honeyLeads.text("/items/0/sourceId")).isEqualTo(requestId.toString());
        assertThat(honeyLeads.text("/items/0/buyerName")).isEqualTo("Siêu thị Hà Nội Xanh");
        assertThat(honeyLeads.text("/items/0/productName")).isEqualTo("Mật ong bạc hà Hà Giang");
        assertThat(honeyLeads.at("/items/0/quantity").asInt()).isEqualTo(500);
        assertThat(honeyLeads.at("/items/0/valueVnd").asLong()).isEqualTo(500 * 300_000L);
        Response teaLeads = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/leads?producerId=" + tea.producerId()), r -> r.at("/items").size() == 1);
        assertThat(teaLeads.at("/items/0/valueVnd").isNull()).isTrue();
    }

    @Test
    void producerFollowsALeadUpAndCannotReopenAClosedOne() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        TestEvents.publish(honey.ordered(40));
        String path = "/api/leads?producerId=" + honey.producerId();
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(path).at("/items").size() == 1);
        String id = http().get(path).text("/items/0/id");

        Response contacted = http().post("/api/leads/" + id + "/status", Map.of("status", "CONTACTED"));
        assertThat(contacted.status()).isEqualTo(200);
        assertThat(contacted.text("/status")).isEqualTo("CONTACTED");
        assertThat(contacted.text("/statusChangedAt")).isNotBlank();
        assertThat(http().post("/api/leads/" + id + "/status", Map.of("status", "WON")).text("/status")).isEqualTo("WON");

        Response reopened = http().post("/api/leads/" + id + "/status", Map.of("status", "LOST"));
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(reopened.text("/type")).isEqualTo("/problems/illegal-lead-status");
        assertThat(http().get("/api/leads/" + id).text("/status")).isEqualTo("WON");
        assertThat(http().get(path + "&status=WON").at("/items").size()).isEqualTo(1);
        assertThat(http().get(path + "&status=NEW").at("/items").size()).isZero();
    }

    @Test
    void badLeadRequestsAreRefused() {
        assertThat(http().get("/api/leads").status()).isEqualTo(400);
        assertThat(http().get("/api/leads?producerId=nobody").status()).isEqualTo(400);
        assertThat(http().post("/api/leads/" + UUID.randomUUID() + "/status", Map.of("status", "WON")).status())
                .isEqualTo(404);
        assertThat(http().post("/api/leads/" + UUID.randomUUID() + "/status", Map.of("status", "MAYBE")).status())
                .isEqualTo(400);
        assertThat(http().post("/api/leads/" + UUID.randomUUID() + "/status", Map.of()).status()).isEqualTo(400);
    }
}
