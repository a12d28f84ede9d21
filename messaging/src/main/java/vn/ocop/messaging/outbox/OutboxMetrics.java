package vn.ocop.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox lag and backlog as gauges, read from the table: on every instance, whether its relay
 * publishes, waits for the lock, or is switched off (when lag matters most).
 */
public final class OutboxMetrics {

    private final JdbcTemplate jdbc;

    public OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        // Gauges hold their source weakly unless told otherwise; a collected source reads NaN.
        Gauge.builder("ocop.outbox.lag", this, OutboxMetrics::lagSeconds)
                .description("Age in seconds of the oldest event not yet published (0 when none)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
        Gauge.builder("ocop.outbox.pending", this, OutboxMetrics::pending)
                .description("Events committed but not yet published")
                .strongReference(true)
                .register(meters);
    }

    private double lagSeconds() {
        Double lag = jdbc.queryForObject("""
                select coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)
                from outbox_event where published_at is null
                """, Double.class);
        return lag == null ? 0 : lag;
    }

    private double pending() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
        return count == null ? 0 : count;
    }
}
