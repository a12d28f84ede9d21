package vn.ocop.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.DomainEvent;
import vn.ocop.messaging.EventCodec;

/**
 * The service's one Kafka consumer function ({@code inbound}, bound in batch mode): reads the
 * CloudEvents headers, records each event id in the inbox and applies the events in the same
 * transaction. A redelivered event
 * finds its id already recorded and changes nothing. Types the service has no handler for are
 * skipped, so producers can add event types without breaking consumers.
 *
 * <p>A handler that throws rolls the transaction back; the failing record is retried with back-off
 * and then moved to the dead-letter topic, and the partition moves on (see
 * {@code InboxErrorHandling}).
 */
public class InboxDispatcher implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    private static final String APPLIED = "applied";

    private final Map<String, List<EventHandler<?>>> handlers = new HashMap<>();
    private final List<IncomingEventHandler> everyEventHandlers;
    private final EventCodec codec;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String consumer;
    private final MeterRegistry meters;

    public InboxDispatcher(List<EventHandler<?>> handlers, List<IncomingEventHandler> everyEventHandlers,
            EventCodec codec, JdbcTemplate jdbc, TransactionTemplate transaction, String consumer,
            MeterRegistry meters) {
        for (EventHandler<?> handler : handlers) {
            this.handlers.computeIfAbsent(handler.type().name(), name -> new ArrayList<>()).add(handler);
        }
        this.everyEventHandlers = List.copyOf(everyEventHandlers);
        this.codec = codec;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.consumer = consumer;
        this.meters = meters;
    }

    /**
     * Applies a batch of records, as polled, in one transaction: one commit (and one round of
     * commit-time work) for the whole batch instead of one per record. When a record fails, the
     * records before it are applied again in a transaction of their own and the failing one is
     * reported by its index, so the container commits the records before it, retries it with
     * back-off and finally dead-letters it alone; the records after it come again with the retry.
     */
    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<Message<byte[]>> records = BatchRecords.split(batch);
        int[] reached = { 0 };
        try {
            applyAll(records, reached);
        }
        catch (RuntimeException failure) {
            int failed = reached[0];
            if (failed == records.size()) {
                // Every record was applied, and the commit failed: find the culprit one record at a time.
                applyOneByOne(records, failure);
                return;
            }
            if (failed > 0) {
                try {
                    applyAll(records.subList(0, failed), new int[1]);
                }
                catch (RuntimeException again) {
                    applyOneByOne(records.subList(0, failed), again);
                }
            }
            throw new BatchListenerFailedException(consumer + " could not apply a record", failure, failed);
        }
    }

    /** Applies the records in one transaction; {@code reached[0]} ends at the failing record, or at the size. */
    private void applyAll(List<Message<byte[]>> records, int[] reached) {
        List<Outcome> outcomes = transaction.execute(status -> {
            List<Outcome> applied = new ArrayList<>(records.size());
            for (Message<byte[]> record : records) {
                applied.add(applyInTransaction(record));
                reached[0]++;
            }
            return applied;
        });
        if (outcomes != null) {
            outcomes.forEach(outcome -> count(outcome.result(), outcome.type()));
        }
    }

    private void applyOneByOne(List<Message<byte[]>> records, RuntimeException batchFailure) {
        log.debug("{}: a batch of {} failed; applying its records one by one", consumer, records.size(), batchFailure);
        for (int i = 0; i < records.size(); i++) {
            try {
                apply(records.get(i));
            }
            catch (RuntimeException e) {
                throw new BatchListenerFailedException(consumer + " could not apply a record", e, i);
            }
        }
    }

    /**
     * Applies one record in its own transaction; false when it was applied before (or no handler
     * wants its type). Dead-letter replays come this way.
     *
     * @throws UnreadableEventException when the record is not a readable event
     */
    public boolean apply(Message<byte[]> message) {
        Outcome outcome = transaction.execute(status -> applyInTransaction(message));
        if (outcome == null) {
            return false;
        }
        count(outcome.result(), outcome.type());
        return outcome.result().equals(APPLIED);
    }

    private record Outcome(String result, String type) {
    }

    private Outcome applyInTransaction(Message<byte[]> message) {
        IncomingEvent incoming = read(message);
        List<EventHandler<?>> typed = handlers.getOrDefault(incoming.type(), List.of());
        if (typed.isEmpty() && everyEventHandlers.isEmpty()) {
            log.debug("{} has no handler for {}; skipped", consumer, incoming.type());
            return new Outcome("skipped", incoming.type());
        }
        DomainEvent event = typed.isEmpty() ? null : decode(typed.getFirst(), message.getPayload());
        if (!recordInInbox(incoming)) {
            return new Outcome("duplicate", incoming.type());
        }
        everyEventHandlers.forEach(h -> h.handle(incoming));
        if (event != null) {
            typed.forEach(handler -> apply(handler, event));
        }
        return new Outcome(APPLIED, incoming.type());
    }

    private boolean recordInInbox(IncomingEvent event) {
        return jdbc.update("""
                insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                on conflict do nothing
                """, consumer, event.id(), event.type()) == 1;
    }

    @SuppressWarnings("unchecked")
    private static <E extends DomainEvent> void apply(EventHandler<E> handler, DomainEvent event) {
        handler.handle((E) event);
    }

    private DomainEvent decode(EventHandler<?> handler, byte[] body) {
        try {
            return codec.fromJson(body, handler.type().javaType());
        }
        catch (JacksonException e) {
            throw new UnreadableEventException("body is not a valid " + handler.type().name(), e);
        }
    }

    private static IncomingEvent read(Message<byte[]> message) {
        String type = header(message, CloudEventHeaders.TYPE);
        String id = header(message, CloudEventHeaders.ID);
        if (type == null || id == null) {
            throw new UnreadableEventException("record without " + CloudEventHeaders.TYPE + " or " + CloudEventHeaders.ID
                    + "; headers: " + message.getHeaders().keySet());
        }
        UUID eventId;
        Instant time;
        try {
            eventId = UUID.fromString(id);
            String timeText = header(message, CloudEventHeaders.TIME);
            time = timeText == null ? null : Instant.parse(timeText);
        }
        catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEventException("malformed CloudEvents header", e);
        }
        String source = header(message, CloudEventHeaders.SOURCE);
        String topic = header(message, KafkaHeaders.RECEIVED_TOPIC);
        return new IncomingEvent(eventId, type, source == null ? "" : source,
                header(message, CloudEventHeaders.SUBJECT), time, topic == null ? "" : topic,
                new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    /**
     * Spring Cloud Function recognises CloudEvents and may hand them over with canonical
     * {@code ce-} names instead of the Kafka binding's {@code ce_}: either spelling is accepted.
     */
    private static @Nullable String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            value = message.getHeaders().get("ce-" + name.substring(3));
        }
        return value == null ? null : EventCodec.headerText(value);
    }

    private void count(String outcome, String type) {
        meters.counter("ocop.inbox.events", "outcome", outcome, "type", type).increment();
    }
}
