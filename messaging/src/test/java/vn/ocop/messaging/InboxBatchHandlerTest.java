package vn.ocop.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.messaging.testapp.AppliedEvents;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.messaging.ProductEvents.withId;

/**
 * An {@code EventBatchHandler} gets a poll's new events of its types in one call, in the order
 * read, with duplicates left out, after the {@code EventBatchStart}s were told of them; when it
 * fails, the poll is applied one record at a time and only the record that fails then is
 * dead-lettered.
 */
class InboxBatchHandlerTest extends MessagingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aBurstIsHandedOverInFewerCallsThanEventsInOrderAndDuplicatesOnce() {
        UUID productId = UUID.randomUUID();
        List<DomainEvent> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(updated(productId, "Chè Tân Cương"));
        }
        burst.add(20, burst.get(3));
        burst.add(burst.get(39));

        TestEvents.publishTogether(burst);

        List<UUID> distinct = burst.stream().map(DomainEvent::eventId).distinct().toList();
        await().atMost(WAIT).until(() -> appliedInOrder(productId).size() == distinct.size());
        assertThat(appliedInOrder(productId)).containsExactlyElementsOf(distinct);
        Integer calls = jdbc.queryForObject("select count(distinct call_no) from applied_batch_event where product_id = ?",
                Integer.class, productId);
        assertThat(calls).isLessThan(distinct.size());
        assertThat(distinct).allMatch(this::isRecordedInInbox);
        // Told of each new event once, in the transaction that applied it, before the handlers ran.
        for (UUID eventId : distinct) {
            assertThat(jdbc.queryForObject("""
                    select count(*) from batch_start_event s join applied_batch_event a using (event_id)
                    where s.event_id = ? and s.xmin = a.xmin
                    """, Integer.class, eventId)).isEqualTo(1);
        }
    }

    @Test
    void aBatchThatFailsIsAppliedRecordByRecordAndOnlyTheFailingOneIsDeadLettered() {
        UUID productId = UUID.randomUUID();
        ProductUpdated first = updated(productId, "Mật ong");
        ProductUpdated second = updated(productId, "Mật ong");
        ProductUpdated failing = updated(productId, AppliedEvents.ALWAYS_FAILS);
        ProductUpdated third = updated(productId, "Mật ong");

        TestEvents.publishTogether(List.of(first, second, failing, third));

        await().atMost(WAIT).until(() -> appliedInOrder(productId).size() == 3);
        deadLetters().await(withId(failing.eventId()));
        assertThat(appliedInOrder(productId)).containsExactly(first.eventId(), second.eventId(), third.eventId());
        assertThat(isRecordedInInbox(failing.eventId())).isFalse();
    }

    private List<UUID> appliedInOrder(UUID productId) {
        return jdbc.queryForList("select event_id from applied_batch_event where product_id = ? order by position",
                UUID.class, productId);
    }

    private static ProductUpdated updated(UUID productId, String name) {
        return new ProductUpdated(UUID.randomUUID(), Instant.now(), productId, List.of("wholesalePriceVnd"),
                new ProductSnapshot(productId, UUID.randomUUID(), "Hợp tác xã Tân Cương", name, 1, "1.1", null, null,
                        "hộp", 120_000, 10, "Thái Nguyên", null));
    }
}
