package vn.ocop.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.notification.TestMail;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailDeliveryTest extends NotificationIntegrationTest {

    @Test
    void aNewOrderIsEMailedToTheProducerInVietnameseByDefault() throws Exception {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        String address = "htx." + UUID.randomUUID() + "@matongquanba.vn";
        put("/api/recipients/producer:" + honey.producerId() + "/channels", Map.of("email", address));

        TestEvents.publish(honey.ordered(30));

        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.shared().to(address),
                received -> received.size() == 1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Đơn hàng mới từ Siêu thị Hà Nội Xanh");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@ocop.local");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent())
                .contains("Siêu thị Hà Nội Xanh đặt 30 chai 500 ml Mật ong bạc hà Hà Giang, trị giá 9.600.000 ₫, giao tại Hà Nội.")
                .contains("OCOP Connect - Chương trình Mỗi xã một sản phẩm");
        Response log = await().atMost(Duration.ofSeconds(10)).until(
                () -> http().get("/api/deliveries?recipient=producer:" + honey.producerId()),
                r -> "SENT".equals(r.text("/items/0/status")));
        assertThat(log.text("/items/0/channel")).isEqualTo("EMAIL");
        assertThat(log.text("/items/0/target")).isEqualTo(address);
        assertThat(mail.getHeader("X-OCOP-Delivery")[0]).isEqualTo(log.text("/items/0/id"));
    }

    @Test
    void anOfficeThatChoseEnglishGetsItsEMailsInEnglish() throws Exception {
        String province = "Tuyên Quang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        String address = "so.nong.nghiep." + UUID.randomUUID() + "@tuyenquang.gov.vn";
        Response channels = put("/api/recipients/office:" + province.replace(" ", "%20").replace("ê", "%C3%AA") + "/channels",
                Map.of("email", address, "language", "en"));
        assertThat(channels.status()).isEqualTo(200);

        TestEvents.publish(honey.certified(5));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.shared().to(address),
                received -> received.size() == 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Mật ong bạc hà Hà Giang certified as a 5-star OCOP product");
        assertThat((String) mail.getContent()).contains("The PROVINCE council certified Mật ong bạc hà Hà Giang of "
                + "Hợp tác xã Mật ong Quản Bạ with 5 stars (92.5 points). Certificate " + honey.certificateNo
                + " is valid until 1 March 2029.");
    }
}
