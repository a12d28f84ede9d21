package vn.ocop.messaging.inbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.messaging.MessagingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox keeps an applied event's id for its retention and no longer. Each test writes ids
 * under a consumer name of its own and looks only at those.
 */
class InboxRetentionTest extends MessagingIntegrationTest {

    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    @Autowired
    private InboxRetention serviceRetention;

    @Test
    void idsOlderThanTheRetentionAreDeletedInBatchesAndYoungerOnesKept() {
        String consumer = "retention-" + UUID.randomUUID();
        List<UUID> old = List.of(applied(consumer, "15 days"), applied(consumer, "15 days"), applied(consumer, "20 days"),
                applied(consumer, "30 days"), applied(consumer, "400 days"));
        List<UUID> young = List.of(applied(consumer, "13 days 23 hours"), applied(consumer, "1 second"));
        MeterRegistry meters = new SimpleMeterRegistry();

        // Two ids per statement: the five old ones take three statements.
        long deleted = new InboxRetention(jdbc, FOURTEEN_DAYS, Duration.ofHours(1), 2, meters).deleteExpired();

        assertThat(ids(consumer)).containsExactlyInAnyOrderElementsOf(young);
        assertThat(deleted).isGreaterThanOrEqualTo(old.size());
        assertThat(meters.get("ocop.inbox.expired").counter().count()).isEqualTo(deleted);
    }

    @Test
    void zeroRetentionKeepsEveryId() {
        String consumer = "retention-" + UUID.randomUUID();
        UUID ancient = applied(consumer, "1000 days");

        long deleted = new InboxRetention(jdbc, Duration.ZERO, Duration.ofHours(1), 2, new SimpleMeterRegistry())
                .deleteExpired();

        assertThat(deleted).isZero();
        assertThat(ids(consumer)).containsExactly(ancient);
    }

    @Test
    void theServiceRunsTheRetentionByDefault() {
        assertThat(serviceRetention.isRunning()).isTrue();
    }

    @Test
    void aNegativeRetentionIsRefused() {
        assertThatThrownBy(() -> new InboxRetention(jdbc, Duration.ofDays(-1), Duration.ofHours(1), 2,
                new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
    }

    private UUID applied(String consumer, String ago) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into inbox_event (consumer, event_id, event_type, applied_at)"
                + " values (?, ?, 'ProductRegistered', now() - ?::interval)", consumer, id, ago);
        return id;
    }

    private List<UUID> ids(String consumer) {
        return jdbc.queryForList("select event_id from inbox_event where consumer = ?", UUID.class, consumer);
    }
}
