package vn.ocop.messaging.outbox;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.EventTypes;
import vn.ocop.messaging.EventCodec;
import vn.ocop.messaging.transaction.TransactionScoped;

/**
 * Records events in the transaction of the state change that causes them. Nothing reaches Kafka
 * unless that transaction commits; once it commits, the {@link OutboxRelay} publishes them.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final String channel;
    /** Present once the current transaction has sent its notification. */
    private final TransactionScoped<Boolean> notifiedIn = TransactionScoped.of(() -> Boolean.TRUE);

    public Outbox(JdbcTemplate jdbc, EventCodec codec, String serviceName) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.channel = OutboxRelay.channelName(serviceName);
    }

    /**
     * Adds an event to the current transaction.
     *
     * @throws IllegalStateException when called outside a transaction, where the event could be
     *     published for a change that is then rolled back, or lost
     */
    public void append(DomainEvent event) {
        appendAll(List.of(event));
    }

    /**
     * Adds events to the current transaction, in this order, in one round trip to the database.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public void appendAll(List<? extends DomainEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events must be appended inside the transaction of their state change");
        }
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            EventType<?> type = EventTypes.of(event.getClass());
            rows.add(new Object[] { event.eventId(), type.topic(), event.subject(), type.name(), type.source(),
                    Timestamp.from(event.occurredAt()), codec.toJson(event) });
        }
        jdbc.batchUpdate("""
                insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?, ?)
                """, rows);
        // Delivered by PostgreSQL only at commit (and folded into one per transaction): the relay
        // wakes exactly when there is something committed to publish, on whichever instance leads.
        // One call per transaction is enough; a transaction that appends many events skips the rest.
        if (notifiedIn.existing() == null) {
            jdbc.queryForList("select pg_notify(?, '')", channel);
            notifiedIn.current();
        }
    }
}
