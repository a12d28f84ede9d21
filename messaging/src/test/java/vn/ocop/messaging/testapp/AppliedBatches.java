package vn.ocop.messaging.testapp;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.messaging.inbox.EventBatchHandler;

/**
 * The test service's batch handler, for {@link ProductUpdated}: a row per event in
 * {@code applied_batch_event}, numbered by the call that applied it. An event whose product is
 * named {@value AppliedEvents#ALWAYS_FAILS} makes the whole call throw after writing its rows.
 */
@Component
public class AppliedBatches implements EventBatchHandler {

    private final JdbcTemplate jdbc;
    private final AtomicLong calls = new AtomicLong();

    AppliedBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<EventType<?>> types() {
        return List.of(CatalogEvents.PRODUCT_UPDATED);
    }

    @Override
    public void handle(List<DomainEvent> events) {
        long call = calls.incrementAndGet();
        jdbc.batchUpdate("insert into applied_batch_event (event_id, product_id, call_no) values (?, ?, ?)",
                events.stream().map(e -> new Object[] { e.eventId(), ((ProductUpdated) e).productId(), call }).toList());
        for (DomainEvent event : events) {
            if (AppliedEvents.ALWAYS_FAILS.equals(((ProductUpdated) event).product().name())) {
                throw new IllegalStateException("the batch handler fails on " + event.eventId());
            }
        }
    }
}
