package vn.ocop.notification.lead;

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
    void leadsNeedAProducer() {
        assertThat(http().get("/api/leads").status()).isEqualTo(400);
        assertThat(http().get("/api/leads?producerId=nobody").status()).isEqualTo(400);
    }
}
