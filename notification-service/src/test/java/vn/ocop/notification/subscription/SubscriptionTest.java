package vn.ocop.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.notification.WebhookReceiver;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriptionTest extends NotificationIntegrationTest {

    @Test
    void aMatchingNewListingAlertsTheRetailerAndOthersHearNothing() {
        String province = "Hà Giang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        UUID matching = UUID.randomUUID();
        UUID tooDemanding = UUID.randomUUID();
        UUID otherGroup = UUID.randomUUID();
        UUID otherWords = UUID.randomUUID();
        // Without diacritics and in another case, as a retailer types it.
        assertThat(subscribe(matching, 1, province.toLowerCase().replace("à", "a"), 4, "MAT ONG bac ha").status())
                .isEqualTo(201);
        subscribe(tooDemanding, 1, province, 5, null);
        subscribe(otherGroup, 2, null, null, null);
        subscribe(otherWords, null, province, null, "chè");

        TestEvents.publish(honey.listed(4));

        Response alert = await().atMost(Duration.ofSeconds(20)).until(
                () -> http().get("/api/inbox?recipient=retailer:" + matching), r -> r.at("/items").size() == 1);
        assertThat(alert.text("/items/0/kind")).isEqualTo("NEW_SUPPLY");
        assertThat(alert.text("/items/0/title")).isEqualTo("Nguồn hàng mới: Mật ong bạc hà Hà Giang (4 sao)");
        assertThat(alert.text("/items/0/body")).contains("giá sỉ 320.000 ₫/chai 500 ml");
        assertThat(alert.text("/items/0/facts/listingId")).isEqualTo(honey.listingId.toString());
        for (UUID retailer : new UUID[] { tooDemanding, otherGroup, otherWords }) {
            assertThat(http().get("/api/inbox?recipient=retailer:" + retailer).at("/items").size()).isZero();
        }
    }

    @Test
    void aSubscriptionsOwnWebhookGetsTheAlertSignedWithTheSecretReturnedOnce() throws Exception {
        String province = "Bắc Kạn " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        UUID retailer = UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            Map<String, Object> request = new HashMap<>(Map.of("retailerId", retailer, "province", province,
                    "webhookUrl", receiver.url("/ocop/supply")));
            Response created = http().post("/api/subscriptions", request);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.headers().get("location")).singleElement().asString()
                    .endsWith("/api/subscriptions/" + created.text("/id"));
            String secret = created.text("/webhookSecret");
            assertThat(secret).startsWith("whsec_");
            receiver.expectingSecret(secret);
            Response second = http().post("/api/subscriptions", request);
            assertThat(second.at("/webhookSecret").isNull() || second.at("/webhookSecret").isMissingNode()).isTrue();

            TestEvents.publish(honey.listed(3));

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            WebhookReceiver.Received received = receiver.received().getFirst();
            assertThat(received.signatureValid()).isTrue();
            assertThat(received.body().get("kind").asString()).isEqualTo("NEW_SUPPLY");
            assertThat(received.body().get("recipient").asString()).isEqualTo("retailer:" + retailer);
            assertThat(received.body().get("title").asString()).isEqualTo("Nguồn hàng mới: Mật ong bạc hà Hà Giang (3 sao)");
        }
    }

    @Test
    void retailersListAndCancelTheirSubscriptions() {
        UUID retailer = UUID.randomUUID();
        String id = subscribe(retailer, 3, null, 4, "trà").text("/id");
        subscribe(retailer, 1, null, null, null);

        assertThat(http().get("/api/subscriptions?retailerId=" + retailer).at("/items").size()).isEqualTo(2);
        assertThat(delete("/api/subscriptions/" + id).status()).isEqualTo(204);
        assertThat(delete("/api/subscriptions/" + id).status()).isEqualTo(404);
        Response left = http().get("/api/subscriptions?retailerId=" + retailer);
        assertThat(left.at("/items").size()).isEqualTo(1);
        assertThat(left.at("/items/0/group").asInt()).isEqualTo(1);
    }

    @Test
    void invalidSubscriptionsAreRefusedNamingTheField() {
        assertThat(http().post("/api/subscriptions", Map.of("group", 1)).text("/errors/0/field")).isEqualTo("retailerId");
        Map<String, Object> base = Map.of("retailerId", UUID.randomUUID());
        assertThat(field(with(base, "group", 7))).isEqualTo("group");
        assertThat(field(with(base, "minStars", 0))).isEqualTo("minStars");
        assertThat(field(with(base, "email", "not-an-address"))).isEqualTo("email");
        assertThat(field(with(base, "webhookUrl", "ftp://example"))).isEqualTo("webhookUrl");
    }

    @Test
    void aWebhookIntoThePlatformsOwnNetworkIsRefusedAndNothingIsSubscribed() {
        UUID retailer = UUID.randomUUID();
        Response refused = http().post("/api/subscriptions", Map.of("retailerId", retailer, "group", 1,
                "webhookUrl", "http://10.0.0.7:8083/actuator/deadletters"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("webhookUrl");
        assertThat(refused.text("/errors/0/message")).isEqualTo("webhooks may not go to the internal address 10.0.0.7");
        assertThat(http().get("/api/subscriptions?retailerId=" + retailer).at("/items").size()).isZero();
        assertThat(http().get("/api/recipients/retailer:" + retailer + "/channels").status())
                .as("no webhook secret was made for it").isEqualTo(404);
    }

    private String field(Map<String, Object> request) {
        Response response = http().post("/api/subscriptions", request);
        assertThat(response.status()).isEqualTo(400);
        return response.text("/errors/0/field");
    }

    private static Map<String, Object> with(Map<String, Object> base, String name, Object value) {
        Map<String, Object> request = new HashMap<>(base);
        request.put(name, value);
        return request;
    }

    private Response subscribe(UUID retailer, Integer group, String province, Integer minStars, String query) {
        Map<String, Object> request = new HashMap<>();
        request.put("retailerId", retailer);
        request.put("group", group);
        request.put("province", province);
        request.put("minStars", minStars);
        request.put("query", query);
        return http().post("/api/subscriptions", request);
    }
}
