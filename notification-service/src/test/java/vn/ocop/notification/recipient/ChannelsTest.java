package vn.ocop.notification.recipient;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelsTest extends NotificationIntegrationTest {

    @Test
    void aWebhookSecretIsGeneratedWhenNoneIsGivenAndShownOnlyThatOnce() {
        String path = "/api/recipients/retailer:" + UUID.randomUUID() + "/channels";

        Response first = put(path, Map.of("email", "mua.hang@sieuthi.vn", "webhookUrl", "https://erp.sieuthi.vn/ocop",
                "language", "en"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("/webhookSecret")).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(first.at("/hasWebhookSecret").asBoolean()).isTrue();
        assertThat(first.text("/language")).isEqualTo("en");

        Response again = put(path, Map.of("webhookUrl", "https://erp.sieuthi.vn/ocop/v2"));
        assertThat(again.at("/webhookSecret").isNull()).isTrue();
        assertThat(again.at("/hasWebhookSecret").asBoolean()).isTrue();
        assertThat(again.at("/email").isNull()).as("PUT replaces the channels").isTrue();
        assertThat(again.text("/language")).isEqualTo("vi");

        Response shown = http().get(path);
        assertThat(shown.text("/webhookUrl")).isEqualTo("https://erp.sieuthi.vn/ocop/v2");
        assertThat(shown.at("/webhookSecret").isNull()).isTrue();
    }

    @Test
    void anOfficeRegistersByProvinceAndItsOwnSecretIsKeptUnshown() {
        Response saved = put("/api/recipients/office:S%C6%A1n%20La/channels",
                Map.of("webhookUrl", "https://sonnptnt.sonla.gov.vn/hooks/ocop", "webhookSecret", "a-secret-of-our-own-1234"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.text("/recipient")).isEqualTo("office:Sơn La");
        assertThat(saved.at("/webhookSecret").isNull()).isTrue();
        assertThat(saved.at("/hasWebhookSecret").asBoolean()).isTrue();
    }

    @Test
    void badChannelsAreRefused() {
        String path = "/api/recipients/producer:" + UUID.randomUUID() + "/channels";
        assertThat(put(path, Map.of("email", "nobody")).text("/errors/0/field")).isEqualTo("email");
        assertThat(put(path, Map.of("language", "fr")).text("/errors/0/field")).isEqualTo("language");
        assertThat(put(path, Map.of("webhookSecret", "a-secret-of-our-own-1234")).text("/errors/0/field"))
                .isEqualTo("webhookSecret");
        assertThat(put("/api/recipients/farmer:1/channels", Map.of()).text("/errors/0/field")).isEqualTo("recipient");
        assertThat(http().get(path).status()).isEqualTo(404);
    }

    @Test
    void aWebhookIntoThePlatformsOwnNetworkIsRefusedAndTheChannelsStayAsTheyWere() {
        String path = "/api/recipients/producer:" + UUID.randomUUID() + "/channels";
        assertThat(put(path, Map.of("webhookUrl", "https://erp.htx-chethai.vn/ocop")).status()).isEqualTo(200);

        Response metadata = put(path, Map.of("webhookUrl", "http://169.254.169.254/latest/meta-data/"));
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.text("/errors/0/field")).isEqualTo("webhookUrl");
        assertThat(metadata.text("/errors/0/message"))
                .isEqualTo("webhooks may not go to the internal address 169.254.169.254");
        assertThat(put(path, Map.of("webhookUrl", "http://[fd00::5]/hook")).status()).isEqualTo(400);
        assertThat(put(path, Map.of("webhookUrl", "http://192.168.1.20/hook")).status()).isEqualTo(400);

        assertThat(http().get(path).text("/webhookUrl")).isEqualTo("https://erp.htx-chethai.vn/ocop");
    }
}
