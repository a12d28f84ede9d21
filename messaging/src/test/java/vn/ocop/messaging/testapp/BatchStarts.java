package vn.ocop.messaging.testapp;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.messaging.inbox.EventBatchStart;

/** The test service's batch start: a row per event it is told of, in {@code batch_start_event}. */
@Component
public class BatchStarts implements EventBatchStart {

    private final JdbcTemplate jdbc;
    private final AtomicLong calls = new AtomicLong();

    BatchStarts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeBatch(List<DomainEvent> events) {
        long call = calls.incrementAndGet();
        jdbc.batchUpdate("insert into batch_start_event (event_id, call_no) values (?, ?)",
                events.stream().map(e -> new Object[] { e.eventId(), call }).toList());
    }
}
