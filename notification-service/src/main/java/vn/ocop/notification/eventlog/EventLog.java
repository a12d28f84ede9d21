package vn.ocop.notification.eventlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
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
     * When a transaction's events are numbered among its before-commit work (lower runs first):
     * after the dashboard counters are written (-10) and the live deltas stored (-5), which need no
     * number and so are done before the lock is taken; before the live feed (1) reads the numbers
     * and announces them.
     */
    static final int NUMBERING_ORDER = 0;

    /**
     * When a transaction's logged events are written (lower runs first): before the dashboard
     * counters (-10) and the live deltas (-5), which update the rows.
     */
    static final int WRITE_ORDER = -20;

    private static final String INSERT = """
            insert into event_log (event_id, type, source, subject, time, topic, province, body)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (event_id) do nothing
            """;

    /**
     * Numbers the given events in one statement: first the lock that orders the numbering of all
     * transactions ({@code drawn} joins {@code locked}, so no number is drawn before the lock is
     * held); then as many numbers from the sequence as there are events, all greater than those of
     * every transaction that numbered before (it held the lock until it committed); then the k-th
     * smallest number to the k-th event in the order given, whatever order {@code nextval} ran in.
     */
    private static final String NUMBER = """
            with locked as (select pg_advisory_xact_lock(hashtext('ocop_event_log_order'))),
                drawn as (
                    select nextval(pg_get_serial_sequence('event_log', 'seq')) as seq
                    from locked, generate_series(1, ?)),
                numbered as (select seq, row_number() over (order by seq) as nth from drawn)
            update event_log e set seq = numbered.seq
            from unnest(?::uuid[]) with ordinality as applied (event_id, nth)
            join numbered using (nth)
            where e.event_id = applied.event_id
            """;

    /** The events the current transaction logged, in the order it applied them. */
    private static final class Pending {
        final Set<UUID> events = new LinkedHashSet<>();
        /** Rows not written yet: a transaction's rows are written together, in one round trip. */
        final List<Object[]> rows = new ArrayList<>();
        /** Written already: an event logged after that (by another before-commit callback) is written at once. */
        boolean written;
        /** Numbered already: an event logged after that is numbered at once. */
        boolean numbered;
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    /** The events of the current transaction; one per bean, not shared across application contexts. */
    private final TransactionScoped<Pending> pendingIn =
            new TransactionScoped<>(Pending::new,
                    pending -> List.of(TransactionScoped.beforeCommit(WRITE_ORDER, () -> write(pending)),
                            TransactionScoped.beforeCommit(NUMBERING_ORDER, () -> number(pending))));

    EventLog(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode body = json.readTree(event.body());
        Instant time = event.time() == null ? Instant.now() : event.time();
        Object[] row = { event.id(), event.type(), event.source(), event.subject(), Timestamp.from(time), event.topic(),
            provinceOf(body), event.body() };
        Pending pending = pendingIn.current();
        if (pending == null) {
            // Without a transaction there is no commit to number it before: it keeps the number it was inserted with.
            batches.update(INSERT, row);
            return;
        }
        if (pending.written) {
            batches.update(INSERT, row);
        }
        else {
            pending.rows.add(row);
        }
        if (pending.numbered) {
            numberInCommitOrder(List.of(event.id()));
        }
        else {
            pending.events.add(event.id());
        }
    }

    /** Writes the transaction's logged events, in one round trip however many there are. */
    private void write(Pending pending) {
        pending.written = true;
        if (!pending.rows.isEmpty()) {
            batches.batchUpdate(INSERT, pending.rows);
        }
        pending.rows.clear();
    }

    /**
     * Gives the events the next numbers, in the order given, under a lock that the commit releases:
     * consumers on several threads (one per topic) or instances then number their events in the
     * order they commit, and a client resuming after number n misses nothing committed later. The
     * lock is taken once per transaction, just before commit, and held for this one statement and
     * what follows it until commit (the live feed's announcement, the commit itself): every other
     * consumer's commit waits for that.
     *
     * <p>The numbers are increasing but not always consecutive: a row takes a number from the same
     * sequence when it is inserted, outside the lock, and keeps it only until it is numbered here.
     */
    private void numberInCommitOrder(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String[] ids = eventIds.stream().map(UUID::toString).toArray(String[]::new);
        jdbc.sql(NUMBER).params(ids.length, ids).update();
    }

    /** Numbers a transaction's events just before it commits. */
    private void number(Pending pending) {
        pending.numbered = true;
        numberInCommitOrder(pending.events);
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
