package vn.ocop.messaging.outbox;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.EventTypes;
import vn.ocop.messaging.EventCodec;

/**
 * Records events in the transaction of the state change that causes them. Nothing reaches Kafka
 * unless that transaction commits; once it commits, the {@link OutboxRelay} publishes them.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final String channel;

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
     * Adds events to the current transaction, in this order, in one statement (one round trip to
     * the database) that also wakes the relay.
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
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] sources = new String[size];
        String[] occurred = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            DomainEvent event = events.get(i);
            EventType<?> type = EventTypes.of(event.getClass());
            ids[i] = event.eventId();
            topics[i] = type.topic();
            keys[i] = event.subject();
            types[i] = type.name();
            sources[i] = type.source();
            occurred[i] = event.occurredAt().toString();
            payloads[i] = codec.toJson(event);
        }
        // Ids (the relay's publishing order) follow the list's order. The NOTIFY is delivered by
        // PostgreSQL only at commit, and folded into one per transaction: the relay wakes exactly
        // when there is something committed to publish, on whichever instance leads.
        jdbc.queryForList("""
                with appended as (
                    insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload)
                    select id, topic, message_key, event_type, source, occurred_at, payload
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                        with ordinality as e (id, topic, message_key, event_type, source, occurred_at, payload, position)
                    order by position
                )
                select pg_notify(?, '')
                """, ids, topics, keys, types, sources, occurred, payloads, channel);
    }
}
