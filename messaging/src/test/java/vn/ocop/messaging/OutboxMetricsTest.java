package vn.ocop.messaging;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.catalog.ProductRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.messaging.ProductEvents.registered;

/** DESIGN §4: outbox lag is a metric, on every instance, whether or not its relay publishes. */
class OutboxMetricsTest {

    @Test
    void outboxLagIsExposedAsAMetric() {
        try (ServiceInstance quiet = ServiceInstance.start("messaging-quiet", "messaging_quiet",
                "ocop.messaging.relay.enabled=false")) {
            ProductRegistered event = registered(UUID.randomUUID());
            quiet.commit(event);
            // Gauges that only hold their source weakly read NaN after a collection.
            System.gc();

            MeterRegistry meters = quiet.meters();
            double lag = meters.get("ocop.outbox.lag").gauge().value();
            assertThat(lag).isPositive();
            assertThat(meters.get("ocop.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> meters.get("ocop.outbox.lag").gauge().value() > lag);
        }
    }
}
