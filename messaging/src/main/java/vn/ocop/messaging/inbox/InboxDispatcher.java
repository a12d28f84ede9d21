package vn.ocop.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import vn.ocop.contracts.EventType;
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
    private final List<EventBatchHandler> batchHandlers;
    private final List<EventBatchStart> batchStarts;
    private final Map<String, EventBatchHandler> batchHandlerOf = new HashMap<>();
    private final Map<String, EventType<?>> batchTypes = new HashMap<>();
    private final List<IncomingEventHandler> everyEventHandlers;
    private final EventCodec codec;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String consumer;
    private final MeterRegistry meters;

    public InboxDispatcher(List<EventHandler<?>> handlers, List<EventBatchHandler> batchHandlers,
            List<EventBatchStart> batchStarts, List<IncomingEventHandler> everyEventHandlers, EventCodec codec,
            JdbcTemplate jdbc, TransactionTemplate transaction, String consumer, MeterRegistry meters) {
        for (EventHandler<?> handler : handlers) {
            this.handlers.computeIfAbsent(handler.type().name(), name -> new ArrayList<>()).add(handler);
        }
        this.batchHandlers = List.copyOf(batchHandlers);
        this.batchStarts = List.copyOf(batchStarts);
        for (EventBatchHandler handler : batchHandlers) {
            for (EventType<?> type : handler.types()) {
                if (this.handlers.containsKey(type.name()) || batchHandlerOf.putIfAbsent(type.name(), handler) != null) {
                    throw new IllegalStateException(type.name() + " has a batch handler and another handler;"
                            + " a type is applied either per event or per batch, by one batch handler");
                }
                batchTypes.put(type.name(), type);
            }
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
     * When the failing record is not known (a batch handler or the commit failed), the records
     * are applied one at a time to find it.
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

    /**
     * Applies the records in one transaction; on failure {@code reached[0]} is the index of the
     * failing record, or the size when the culprit is not known.
     */
    private void applyAll(List<Message<byte[]>> records, int[] reached) {
        List<Outcome> outcomes = transaction.execute(status -> applyInTransaction(records, reached));
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
        List<Outcome> outcome = transaction.execute(status -> applyInTransaction(List.of(message), new int[1]));
        if (outcome == null || outcome.isEmpty()) {
            return false;
        }
        count(outcome.getFirst().result(), outcome.getFirst().type());
        return outcome.getFirst().result().equals(APPLIED);
    }

    private record Outcome(String result, String type) {
    }

    /** A record that some handler wants, read and decoded. */
    private record Wanted(IncomingEvent incoming, @Nullable DomainEvent event) {
    }

    /**
     * Reads every record, records the wanted ones in the inbox in one statement, tells the
     * {@link EventBatchStart}s of the new ones, applies those to the per-event handlers in order,
     * then hands each batch handler its events.
     */
    private List<Outcome> applyInTransaction(List<Message<byte[]>> records, int[] reached) {
        List<@Nullable Wanted> wanted = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            reached[0] = i;
            wanted.add(read(records.get(i)));
        }
        reached[0] = records.size();
        Set<UUID> recorded = recordInInbox(wanted);
        // The new events: a second copy of an event within the batch is a duplicate too.
        boolean[] isNew = new boolean[records.size()];
        List<DomainEvent> newEvents = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Wanted one = wanted.get(i);
            if (one != null && recorded.remove(one.incoming().id())) {
                isNew[i] = true;
                if (one.event() != null) {
                    newEvents.add(one.event());
                }
            }
        }
        if (!newEvents.isEmpty()) {
            batchStarts.forEach(start -> start.beforeBatch(newEvents));
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        Map<EventBatchHandler, List<DomainEvent>> batches = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Wanted one = wanted.get(i);
            if (one == null) {
                outcomes.add(new Outcome("skipped", type(records.get(i))));
                continue;
            }
            IncomingEvent incoming = one.incoming();
            if (!isNew[i]) {
                outcomes.add(new Outcome("duplicate", incoming.type()));
                continue;
            }
            reached[0] = i;
            everyEventHandlers.forEach(h -> h.handle(incoming));
            DomainEvent event = one.event();
            if (event != null) {
                EventBatchHandler batchHandler = batchHandlerOf.get(incoming.type());
                if (batchHandler != null) {
                    batches.computeIfAbsent(batchHandler, h -> new ArrayList<>()).add(event);
                }
                else {
                    handlers.getOrDefault(incoming.type(), List.of()).forEach(handler -> apply(handler, event));
                }
            }
            outcomes.add(new Outcome(APPLIED, incoming.type()));
        }
        reached[0] = records.size();
        for (EventBatchHandler handler : batchHandlers) {
            List<DomainEvent> events = batches.get(handler);
            if (events != null) {
                handler.handle(events);
            }
        }
        return outcomes;
    }

    /** The record read and decoded, or null when no handler wants its type. */
    private @Nullable Wanted read(Message<byte[]> message) {
        IncomingEvent incoming = readHeaders(message);
        List<EventHandler<?>> typed = handlers.getOrDefault(incoming.type(), List.of());
        EventType<?> batchType = batchTypes.get(incoming.type());
        if (typed.isEmpty() && batchType == null && everyEventHandlers.isEmpty()) {
            log.debug("{} has no handler for {}; skipped", consumer, incoming.type());
            return null;
        }
        EventType<?> type = batchType != null ? batchType : typed.isEmpty() ? null : typed.getFirst().type();
        return new Wanted(incoming, type == null ? null : decode(type, message.getPayload()));
    }

    private static String type(Message<byte[]> message) {
        String type = header(message, CloudEventHeaders.TYPE);
        return type == null ? "" : type;
    }

    /** Records the wanted events' ids in the inbox; returns the ids recorded now (not seen before). */
    private Set<UUID> recordInInbox(List<@Nullable Wanted> wanted) {
        List<IncomingEvent> events = wanted.stream().filter(Objects::nonNull).map(Wanted::incoming).toList();
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        // One statement for the batch; a second copy of an id within it is skipped like an old one.
        return new HashSet<>(jdbc.queryForList("""
                insert into inbox_event (consumer, event_id, event_type)
                select ?, e.id, e.type from unnest(?::uuid[], ?::text[]) as e (id, type)
                on conflict do nothing
                returning event_id
                """, UUID.class, consumer, events.stream().map(IncomingEvent::id).toArray(UUID[]::new),
                events.stream().map(IncomingEvent::type).toArray(String[]::new)));
    }

    @SuppressWarnings("unchecked")
    private static <E extends DomainEvent> void apply(EventHandler<E> handler, DomainEvent event) {
        handler.handle((E) event);
    }

    private DomainEvent decode(EventType<?> type, byte[] body) {
        try {
            return codec.fromJson(body, type.javaType());
        }
        catch (JacksonException e) {
            throw new UnreadableEventException("body is not a valid " + type.name(), e);
        }
    }

    private static IncomingEvent readHeaders(Message<byte[]> message) {
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
