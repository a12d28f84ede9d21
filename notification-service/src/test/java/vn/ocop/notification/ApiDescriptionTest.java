package vn.ocop.notification;

import org.junit.jupiter.api.Test;

import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDescriptionTest extends NotificationIntegrationTest {

    @Test
    void everyEndpointIsDescribedAndDeliveryAndStreamAreMeasured() {
        Response api = http().get("/v3/api-docs");

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.at("/paths").propertyNames()).contains("/api/inbox", "/api/inbox/{id}/read", "/api/leads",
                "/api/leads/{id}/status", "/api/subscriptions", "/api/recipients/{recipient}/channels",
                "/api/deliveries", "/api/dashboard/summary", "/api/dashboard/stream", "/api/events");
        assertThat(http().getText("/actuator/prometheus")).contains("ocop_notification_deliveries_pending")
                .contains("ocop_notification_dashboard_clients").contains("ocop_outbox_lag_seconds");
        assertThat(http().get("/actuator/health/readiness").text("/status")).isEqualTo("UP");
    }
}
