package vn.ocop.notification.eventlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.inbox.IncomingEvent;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.messaging.transaction.TransactionScoped;
import vn.ocop.web.Cursor;

/**
 * Keeps every consumed event, of every type, as it was received, numbered in the order the
 * events were committed. Runs in the inbox transaction, so a redelivered event is logged once.
 */
@Repository
@Order(0)
class EventLog implements IncomingEventHandler {

    /**
     * When a transaction's events are written and numbered among its before-commit work (lower
     * runs first): after the dashboard counters are written (-10), which need no number and so are
     * written before the lock is taken, and so that each row carries every counter its event
     * moved; before the live feed (1) reads the numbers and announces them.
     */
    static final int NUMBERING_ORDER = 0;

    private static final String INSERT = """
            insert into event_log (event_id, type, source, subject, time, topic, province, body)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (event_id) do nothing
            """;

    /**
     * Writes the given events and numbers them, in one statement: first the lock that orders the
     * numbering of all transactions ({@code drawn} joins {@code locked}, so no number is drawn
     * before the lock is held); then as many numbers from the sequence as there are events, all
     * greater than those of every transaction that numbered before (it held the lock until it
     * committed); then each row, the k-th in the order given with the k-th smallest number,
     * whatever order {@code nextval} ran in, and with the counters it moved. Each row is written
     * once, numbered and complete. An event the log already holds (applied again once the inbox
     * has forgotten its id, or replayed) takes its new number and counters, as a row numbered with
     * the transaction's other events: the announcement of the transaction's range then covers it,
     * and no reader finds it under a number smaller than one already seen.
     */
    private static final String INSERT_NUMBERED = """
            with locked as (select pg_advisory_xact_lock(hashtext('ocop_event_log_order'))),
                drawn as (
                    select nextval(pg_get_serial_sequence('event_log', 'seq')) as seq
                    from locked, generate_series(1, ?)),
                numbered as (select seq, row_number() over (order by seq) as nth from drawn)
            insert into event_log (seq, event_id, type, source, subject, time, topic, province, body, delta)
            select numbered.seq, e.event_id, e.type, e.source, e.subject,
                timestamptz 'epoch' + (e.micros / 1000000) * interval '1 second' + (e.micros % 1000000) * interval '1 microsecond',
                e.topic, e.province, e.body::jsonb, coalesce(e.delta::jsonb, '{}'::jsonb)
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                with ordinality as e (event_id, type, source, subject, micros, topic, province, body, delta, nth)
            join numbered using (nth)
            on conflict (event_id) do update set seq = excluded.seq, delta = excluded.delta
            """;

    /** An event to log, as it will be written. */
    private record Row(UUID eventId, String type, String source, @Nullable String subject, Instant time, String topic,
            @Nullable String province, String body) {
    }

    /** The events the current transaction logged, in the order it applied them, not written yet. */
    private static final class Pending {
        final Map<UUID, Row> rows = new LinkedHashMap<>();
        /** Written and numbered already: an event logged after that is written and numbered at once. */
        boolean numbered;
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventDeltas deltas;
    /** The events of the current transaction; one per bean, not shared across application contexts. */
    private final TransactionScoped<Pending> pendingIn = new TransactionScoped<>(Pending::new,
            pending -> List.of(TransactionScoped.beforeCommit(NUMBERING_ORDER, () -> writeNumbered(pending))));

    EventLog(JdbcClient jdbc, JsonMapper json, EventDeltas deltas) {
        this.jdbc = jdbc;
        this.json = json;
        this.deltas = deltas;
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode body = json.readTree(event.body());
        Instant time = event.time() == null ? Instant.now() : event.time();
        Row row = new Row(event.id(), event.type(), event.source(), event.subject(), time, event.topic(),
                provinceOf(body), event.body());
        Pending pending = pendingIn.current();
        if (pending == null) {
            // Without a transaction there is no commit to number it before: it keeps the number it was inserted with.
            jdbc.sql(INSERT).params(row.eventId(), row.type(), row.source(), row.subject(), Timestamp.from(row.time()),
                    row.topic(), row.province(), row.body()).update();
        }
        else if (pending.numbered) {
            insertNumbered(List.of(row), Map.of());
        }
        else {
            pending.rows.putIfAbsent(row.eventId(), row);
        }
    }

    /**
     * Writes the transaction's events with the counters each moved, numbered, just before it
     * commits: in one statement however many there are.
     */
    private void writeNumbered(Pending pending) {
        pending.numbered = true;
        insertNumbered(pending.rows.values(), deltas.take());
        pending.rows.clear();
    }

    /**
     * Writes these events, numbered in the order given, under a lock that the commit releases:
     * consumers on several threads (one per topic) or instances then number their events in the
     * order they commit, and a client resuming after number n misses nothing committed later. The
     * lock is taken once per transaction, just before commit, and held for this one statement and
     * what follows it until commit (the live feed's announcement, the commit itself): every other
     * consumer's commit waits for that.
     *
     * <p>The numbers are increasing but not always consecutive: a transaction that rolls back
     * leaves the numbers it drew unused, and an event logged outside a transaction takes a number
     * from the same sequence, outside the lock.
     */
    private void insertNumbered(Collection<Row> rows, Map<UUID, String> deltasByEvent) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] subjects = new String[n];
        long[] times = new long[n];
        String[] topics = new String[n];
        String[] provinces = new String[n];
        String[] bodies = new String[n];
        String[] moved = new String[n];
        int i = 0;
        for (Row row : rows) {
            ids[i] = row.eventId().toString();
            types[i] = row.type();
            sources[i] = row.source();
            subjects[i] = row.subject();
            times[i] = epochMicroseconds(row.time());
            topics[i] = row.topic();
            provinces[i] = row.province();
            bodies[i] = row.body();
            moved[i] = deltasByEvent.get(row.eventId());
            i++;
        }
        jdbc.sql(INSERT_NUMBERED).params(n, ids, types, sources, subjects, times, topics, provinces, bodies, moved)
                .update();
    }

    /**
     * Microseconds since the epoch, rounded as the driver rounds a single timestamp: PostgreSQL
     * keeps microseconds, and a number needs no parsing whatever the year.
     */
    static long epochMicroseconds(Instant time) {
        Instant rounded = time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(rounded.getEpochSecond(), 1_000_000L), rounded.getNano() / 1_000);
    }

    /**
     * The province an event concerns: from its body, or for events that name only a product (a
     * rejection, a revocation, an expiry) the province of that product as far as it is known.
     */
    private @Nullable String provinceOf(JsonNode body) {
        String province = province(body);
        JsonNode productId = body.get("productId");
        if (province != null || productId == null || !productId.isString()) {
            return province;
        }
        try {
            return jdbc.sql("select province from product where product_id = ?")
                    .param(UUID.fromString(productId.asString()))
                    .query(String.class)
                    .optional()
                    .orElse(null);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The province an event concerns, wherever its type keeps it. */
    static @Nullable String province(JsonNode body) {
        for (String pointer : List.of("/originProvince", "/province", "/product/originProvince")) {
            JsonNode node = body.at(pointer);
            if (node.isString() && !node.asString().isBlank()) {
                return node.asString();
            }
        }
        return null;
    }

    List<LoggedEvent> find(EventController.Filter filter, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(
                "select seq, event_id, type, source, subject, time, topic, province, body::text as body from event_log where true");
        List<Object> params = new ArrayList<>();
        if (filter.type() != null) {
            sql.append(" and type = ?");
            params.add(filter.type());
        }
        if (filter.subject() != null) {
            sql.append(" and subject = ?");
            params.add(filter.subject());
        }
        if (filter.province() != null) {
            sql.append(" and province = ?");
            params.add(filter.province());
        }
        if (filter.from() != null) {
            sql.append(" and time >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and time < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (after != null) {
            sql.append(" and (time, event_id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by time desc, event_id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private LoggedEvent map(ResultSet rs, int row) throws SQLException {
        return new LoggedEvent(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getString("source"),
                rs.getString("subject"), rs.getTimestamp("time").toInstant(), rs.getString("topic"),
                rs.getString("province"), json.readTree(rs.getString("body")));
    }
}
