package vn.ocop.notification.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxTest extends NotificationIntegrationTest {

    @Test
    void certificationReachesTheProducerAndTheOfficeInVietnameseOrEnglish() {
        String province = "Hà Giang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());

        TestEvents.publish(honey.certified(4));

        String producerInbox = "/api/inbox?recipient=producer:" + honey.producerId();
        Response vi = await().atMost(Duration.ofSeconds(20)).until(() -> http().get(producerInbox),
                r -> r.at("/items").size() == 1);
        assertThat(vi.text("/items/0/kind")).isEqualTo("CERTIFIED");
        assertThat(vi.text("/items/0/language")).isEqualTo("vi");
        assertThat(vi.text("/items/0/title")).isEqualTo("Sản phẩm Mật ong bạc hà Hà Giang được chứng nhận OCOP 4 sao");
        assertThat(vi.text("/items/0/body")).contains(honey.certificateNo).contains("hiệu lực đến ngày 01/03/2029");
        assertThat(vi.at("/items/0/read").asBoolean()).isFalse();
        assertThat(vi.at("/unread").asLong()).isEqualTo(1);

        Response en = http().get(producerInbox + "&lang=en");
        assertThat(en.text("/items/0/title")).isEqualTo("Mật ong bạc hà Hà Giang is certified as a 4-star OCOP product");
        assertThat(en.text("/items/0/body")).contains("valid until 1 March 2029");
        Response browser = get(producerInbox, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(browser.text("/items/0/language")).isEqualTo("en");

        Response office = http().get("/api/inbox?recipient=" + office(province));
        assertThat(office.at("/items").size()).isEqualTo(1);
        assertThat(office.text("/items/0/title")).isEqualTo("Mật ong bạc hà Hà Giang được chứng nhận OCOP 4 sao");
        assertThat(office.text("/items/0/body")).contains("Hợp tác xã Mật ong Quản Bạ");
    }

    @Test
    void aRecipientsRegisteredLanguageIsTheDefault() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        String recipient = "producer:" + honey.producerId();
        assertThat(put("/api/recipients/" + recipient + "/channels", Map.of("language", "en")).status())
                .isEqualTo(200);

        TestEvents.publish(honey.ordered(30));

        Response inbox = await().atMost(Duration.ofSeconds(20)).until(() -> http().get("/api/inbox?recipient=" + recipient),
                r -> r.at("/items").size() == 1);
        assertThat(inbox.text("/items/0/title")).isEqualTo("New order from Siêu thị Hà Nội Xanh");
        assertThat(http().get("/api/inbox?recipient=" + recipient + "&lang=vi").text("/items/0/title"))
                .isEqualTo("Đơn hàng mới từ Siêu thị Hà Nội Xanh");
    }

    @Test
    void aRejectionThatArrivesBeforeItsProductReachesTheProducerOnceTheProductIsKnown() {
        String province = "Cao Bằng " + UUID.randomUUID();
        ProgrammeEvents tea = new ProgrammeEvents(province, Instant.now());

        TestEvents.publish(tea.rejected());
        await().atMost(Duration.ofSeconds(20)).until(() -> http()
                .get("/api/events?type=vn.ocop.evaluation.certification-rejected.v1&subject=" + tea.productId())
                .at("/items").size() == 1);
        String producerInbox = "/api/inbox?recipient=producer:" + tea.producerId();
        assertThat(http().get(producerInbox).at("/items").size()).isZero();

        TestEvents.publish(tea.submitted());

        Response inbox = await().atMost(Duration.ofSeconds(20)).until(() -> http().get(producerInbox),
                r -> r.at("/items").size() == 1);
        assertThat(inbox.text("/items/0/kind")).isEqualTo("REJECTED");
        assertThat(inbox.text("/items/0/body")).contains("42,5 điểm (2 sao)")
                .contains("Lý do: Thiếu giấy chứng nhận an toàn thực phẩm.");
        assertThat(http().get("/api/inbox?recipient=" + office(province)).text("/items/0/kind")).isEqualTo("REJECTED");
        assertThat(http().get("/api/dashboard/summary?province=" + encode(province)).at("/products/rejected").asLong())
                .isEqualTo(1);
    }

    @Test
    void revocationAndExpiryReachTheProducerAndTheOffice() {
        String province = "Lào Cai " + UUID.randomUUID();
        ProgrammeEvents first = new ProgrammeEvents(province, Instant.now());
        ProgrammeEvents second = new ProgrammeEvents(province, Instant.now());

        TestEvents.publish(first.certified(3));
        TestEvents.publish(first.revoked());
        TestEvents.publish(second.certified(4));
        TestEvents.publish(second.expired());

        Response office = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/inbox?recipient=" + office(province) + "&lang=en"), r -> r.at("/items").size() == 4);
        assertThat(office.at("/items").findValuesAsString("kind")).containsExactlyInAnyOrder("CERTIFIED", "CERTIFIED",
                "REVOKED", "EXPIRED");
        Response revoked = http().get("/api/inbox?recipient=producer:" + first.producerId());
        assertThat(revoked.at("/items").findValuesAsString("title"))
                .contains("Giấy chứng nhận OCOP " + first.certificateNo + " bị thu hồi");
        assertThat(revoked.at("/items").findValuesAsString("body"))
                .anyMatch(body -> body.contains("Lý do: Vi phạm tiêu chuẩn chất lượng."));
        Response expired = http().get("/api/inbox?recipient=producer:" + second.producerId() + "&lang=en");
        assertThat(expired.at("/items").findValuesAsString("title"))
                .contains("OCOP certificate " + second.certificateNo + " has expired");
    }

    @Test
    void orderProgressReachesTheRetailerAndNewOrdersAndCancellationsTheProducer() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        OrderPlaced order = honey.ordered(30);

        TestEvents.publish(order);
        TestEvents.publish(honey.accepted(order));
        TestEvents.publish(honey.shipped(order));
        TestEvents.publish(honey.delivered(order));
        OrderPlaced other = honey.ordered(10);
        TestEvents.publish(other);
        TestEvents.publish(honey.orderRejected(other));
        TestEvents.publish(honey.cancelled(other));

        Response retailer = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/inbox?recipient=retailer:" + honey.retailerId), r -> r.at("/items").size() == 4);
        assertThat(retailer.at("/items").findValuesAsString("kind")).containsExactlyInAnyOrder("ORDER_ACCEPTED",
                "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_REJECTED");
        assertThat(retailer.at("/items").findValuesAsString("body"))
                .contains("Nhà sản xuất đã từ chối đơn hàng 10 Mật ong bạc hà Hà Giang trị giá 3.200.000 ₫. Lý do: Hết hàng.");
        Response producer = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/inbox?recipient=producer:" + honey.producerId()), r -> r.at("/items").size() == 3);
        assertThat(producer.at("/items").findValuesAsString("kind")).containsExactlyInAnyOrder("ORDER_PLACED",
                "ORDER_PLACED", "ORDER_CANCELLED");
    }

    @Test
    void aMessageIsReadOnceAndUnreadMessagesCanBeListedAlone() {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        TestEvents.publish(honey.ordered(30));
        TestEvents.publish(honey.ordered(40));
        String inbox = "/api/inbox?recipient=producer:" + honey.producerId();
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(inbox).at("/items").size() == 2);
        String id = http().get(inbox).text("/items/0/id");

        Response read = http().post("/api/inbox/" + id + "/read");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.at("/read").asBoolean()).isTrue();
        String readAt = read.text("/readAt");
        assertThat(http().post("/api/inbox/" + id + "/read").text("/readAt")).isEqualTo(readAt);

        Response unread = http().get(inbox + "&unread=true");
        assertThat(unread.at("/items").size()).isEqualTo(1);
        assertThat(unread.text("/items/0/id")).isNotEqualTo(id);
        assertThat(unread.at("/unread").asLong()).isEqualTo(1);
        Response firstPage = http().get(inbox + "&limit=1");
        assertThat(firstPage.at("/items").size()).isEqualTo(1);
        Response secondPage = http().get(inbox + "&limit=1&cursor=" + firstPage.text("/nextCursor"));
        assertThat(secondPage.text("/items/0/id")).isNotEqualTo(firstPage.text("/items/0/id"));
    }

    @Test
    void badRequestsAreRefused() {
        assertThat(http().get("/api/inbox").status()).isEqualTo(400);
        assertThat(http().get("/api/inbox?recipient=producer:nobody").text("/errors/0/field")).isEqualTo("recipient");
        assertThat(http().get("/api/inbox?recipient=office:Hà%20Nội&lang=fr").text("/errors/0/field")).isEqualTo("lang");
        assertThat(http().post("/api/inbox/" + UUID.randomUUID() + "/read").status()).isEqualTo(404);
    }

    private static String office(String province) {
        return "office:" + encode(province);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
