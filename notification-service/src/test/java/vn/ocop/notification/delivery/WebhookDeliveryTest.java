package vn.ocop.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.notification.WebhookReceiver;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest extends NotificationIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedWebhookIsRetriedWithBackOffUntilTheReceiverAcceptsIt() throws Exception {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        try (WebhookReceiver receiver = WebhookReceiver.failing(2)) {
            String recipient = register(honey, receiver);

            TestEvents.publish(honey.ordered(30));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            List<WebhookReceiver.Received> requests = receiver.received();
            assertThat(requests).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(requests).extracting(WebhookReceiver.Received::answered).containsExactly(503, 503, 200);
            assertThat(requests).extracting(WebhookReceiver.Received::deliveryId).containsOnly(requests.getFirst().deliveryId());
            assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).as("first back-off")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(90));
            var body = requests.getLast().body();
            assertThat(body.get("kind").asString()).isEqualTo("ORDER_PLACED");
            assertThat(body.get("recipient").asString()).isEqualTo(recipient);
            assertThat(body.get("title").asString()).isEqualTo("Đơn hàng mới từ Siêu thị Hà Nội Xanh");
            assertThat(body.get("facts").get("totalVnd").asLong()).isEqualTo(30 * 320_000L);
            assertThat(body.get("deliveryId").asString()).isEqualTo(requests.getLast().deliveryId());
            assertThat(Long.parseLong(requests.getLast().timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    within(60L));

            Response log = await().atMost(Duration.ofSeconds(10)).until(
                    () -> http().get("/api/deliveries?recipient=" + recipient), r -> "SENT".equals(r.text("/items/0/status")));
            assertThat(log.text("/items/0/channel")).isEqualTo("WEBHOOK");
            assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(3);
            assertThat(log.at("/items/0/log").findValuesAsString("outcome")).containsExactly("FAILED", "FAILED", "SENT");
            assertThat(log.at("/items/0/log").findValues("statusCode").stream().map(n -> n.asInt()).toList())
                    .containsExactly(503, 503, 200);
        }
    }

    @Test
    void aReceiverThatStaysDownIsGivenUpOnAfterTheLastAttemptAndTheEventIsNotLost() throws Exception {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            String recipient = register(honey, receiver);

            TestEvents.publish(honey.ordered(30));

            Response log = await().atMost(Duration.ofSeconds(30)).until(
                    () -> http().get("/api/deliveries?recipient=" + recipient), r -> "FAILED".equals(r.text("/items/0/status")));
            assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(4);
            assertThat(log.text("/items/0/lastError")).isEqualTo("the receiver answered 503");
            assertThat(log.text("/items/0/finishedAt")).isNotBlank();
            assertThat(receiver.received()).hasSize(4);
            assertThat(http().get("/api/inbox?recipient=" + recipient).at("/items").size()).isEqualTo(1);
            assertThat(http().get("/api/leads?producerId=" + honey.producerId()).at("/items").size()).isEqualTo(1);
        }
    }

    @Test
    void anEndpointThatIsDownRestsInsteadOfBeingHammeredByItsBacklog() throws Exception {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            String recipient = register(honey, receiver);

            for (int i = 1; i <= 5; i++) {
                TestEvents.publish(honey.ordered(10 * i));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http().get("/api/deliveries?recipient=" + recipient).at("/items").size() == 5);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 8);

            // Five deliveries are due at once, but the receiver sees one request at a time, each
            // after the endpoint's rest (at least half the initial back-off, 100 ms in tests).
            List<Instant> times = receiver.received().stream().map(WebhookReceiver.Received::at).sorted().toList();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap before request %d", i + 1)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(80));
            }
        }
        finally {
            giveUp(recipient(honey));
        }
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedByTheReceiverAndNotCountedAsSent() throws Exception {
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            String recipient = "producer:" + honey.producerId();
            put("/api/recipients/" + recipient + "/channels", Map.of("webhookUrl", receiver.url("/hooks"),
                    "webhookSecret", "the-secret-we-registered"));
            receiver.expectingSecret("a-secret-someone-guessed");

            TestEvents.publish(honey.ordered(30));

            await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.received().isEmpty());
            assertThat(receiver.received().getFirst().signatureValid()).isFalse();
            Response log = await().atMost(Duration.ofSeconds(10)).until(
                    () -> http().get("/api/deliveries?recipient=" + recipient), r -> r.at("/items/0/attempts").asInt() >= 1);
            assertThat(log.text("/items/0/status")).isNotEqualTo("SENT");
            assertThat(log.text("/items/0/lastError")).isEqualTo("the receiver answered 401");
        }
        finally {
            giveUp(recipient(honey));
        }
    }

    @Test
    void aWebhookThatLeadsIntoThePlatformsOwnNetworkIsNeverCalled() {
        // Registered before addresses were checked, or by a name that now resolves inside.
        ProgrammeEvents honey = new ProgrammeEvents("Hà Giang", Instant.now());
        String recipient = recipient(honey);
        jdbc.sql("""
                insert into recipient_channel (recipient, webhook_url, webhook_secret, language, updated_at)
                values (?, 'http://10.255.255.1:8083/actuator/deadletters', 'whsec_a-secret-of-long-ago', 'vi', now())
                """).param(recipient).update();
        try {
            TestEvents.publish(honey.ordered(30));

            Response log = await().atMost(Duration.ofSeconds(20)).until(
                    () -> http().get("/api/deliveries?recipient=" + recipient), r -> r.at("/items/0/attempts").asInt() >= 1);
            assertThat(log.text("/items/0/status")).isNotEqualTo("SENT");
            assertThat(log.text("/items/0/lastError"))
                    .isEqualTo("webhooks may not go to the internal address 10.255.255.1");
            assertThat(http().get("/api/inbox?recipient=" + recipient).at("/items").size())
                    .as("the message itself is kept").isEqualTo(1);
        }
        finally {
            giveUp(recipient);
        }
    }

    @Test
    void theDeliveryLogNeedsARecipient() {
        assertThat(http().get("/api/deliveries").status()).isEqualTo(400);
        assertThat(http().get("/api/deliveries?recipient=nobody").text("/errors/0/field")).isEqualTo("recipient");
        assertThat(http().get("/api/deliveries?recipient=office:H%C3%A0%20N%E1%BB%99i&status=LOST").text("/errors/0/field"))
                .isEqualTo("status");
    }

    /**
     * Ends this test's remaining retries, so they do not reach a later test's receiver should it
     * get the same loopback port.
     */
    private void giveUp(String recipient) {
        jdbc.sql("update delivery set status = 'FAILED' where recipient = ? and status = 'PENDING'").param(recipient).update();
    }

    private static String recipient(ProgrammeEvents producer) {
        return "producer:" + producer.producerId();
    }

    private String register(ProgrammeEvents producer, WebhookReceiver receiver) {
        String recipient = recipient(producer);
        Response channels = put("/api/recipients/" + recipient + "/channels",
                Map.of("webhookUrl", receiver.url("/hooks/ocop")));
        assertThat(channels.status()).isEqualTo(200);
        receiver.expectingSecret(channels.text("/webhookSecret"));
        return recipient;
    }
}
