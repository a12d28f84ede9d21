package vn.ocop.notification.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.inbox.IncomingEvent;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.messaging.transaction.TransactionScoped;
import vn.ocop.notification.eventlog.EventDeltas;

/**
 * Builds the live message of each event while its inbox transaction applies it (the counters add
 * their deltas as they move), hands the deltas to the event log, which writes them with the
 * logged events before commit, and hands the messages to the {@link LiveHub} only after commit: a
 * client never sees an event that was rolled back. Other instances hear of them by {@code NOTIFY}
 * (see {@link LivePeers}).
 *
 * <p>The commit-time work is done once per transaction, whatever the number of events it applied:
 * one statement, under the lock the event log numbers the events under, reads the numbers and
 * announces them to the other instances.
 */
@Component
@Order(1)
class LiveFeed implements IncomingEventHandler, EventDeltas {

    /** The PostgreSQL channel on which each instance announces the events it applied, for the others' clients. */
    static final String CHANNEL = "ocop_live_dashboard";

    /** When the numbers are read and announced: after the event log has numbered the events (0). */
    static final int ANNOUNCE_ORDER = 1;

    /**
     * Reads the numbers and provinces of the transaction's events and announces them, in one
     * statement as it runs under the event log's lock. The announcement is the range of numbers
     * ({@code instance:first-last}; {@code instance:n} for a single event, the form instances
     * understood before ranges), as short for five hundred events as for one: a {@code NOTIFY}
     * payload is limited to 8000 bytes. The other instances read the events between the two; once this transaction has
     * committed, those are its own events only, since all of them were numbered together under
     * the lock and the consumers draw numbers only under it (only an event logged outside any
     * transaction takes its number outside it).
     */
    private static final String READ_AND_ANNOUNCE = """
            with mine as (select event_id, seq, province from event_log where event_id = any(?::uuid[])),
                announced as (
                    select pg_notify(?, ? || ':' || case when min(seq) = max(seq) then min(seq)::text
                        else min(seq) || '-' || max(seq) end)
                    from mine having count(*) > 0)
            select mine.event_id, mine.seq, mine.province from mine, announced
            """;

    /** The message of one event the current transaction applies; numbered just before commit. */
    private static final class Draft {
        final IncomingEvent event;
        final Map<String, Long> delta = new LinkedHashMap<>();
        long sequence;
        @Nullable String province;

        Draft(IncomingEvent event) {
            this.event = event;
        }

        LiveMessage message() {
            Instant time = event.time() == null ? Instant.now() : event.time();
            return new LiveMessage(sequence, event.type(), event.subject(), time, province, Map.copyOf(delta));
        }
    }

    /** An event's row in the log, as numbered. */
    record Logged(UUID eventId, long seq, @Nullable String province) {
    }

    /** The messages of the current transaction's events, in the order it applied them. */
    private static final class Pending {
        final Map<UUID, Draft> drafts = new LinkedHashMap<>();
        /** The event being applied, to which the counters' moves belong. */
        @Nullable Draft current;
        /**
         * The deltas are taken by the event log: events applied and counters moved after that (by
         * another before-commit callback) are logged, numbered and counted, but not published live.
         */
        boolean stored;
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LiveHub hub;
    private final String instance = UUID.randomUUID().toString();
    /** The messages of the current transaction; one per bean, not shared across application contexts. */
    private final TransactionScoped<Pending> pendingIn = new TransactionScoped<>(Pending::new,
            pending -> List.of(TransactionScoped.atCommit(ANNOUNCE_ORDER, () -> announce(pending), () -> publish(pending))));

    LiveFeed(JdbcClient jdbc, JsonMapper json, LiveHub hub) {
        this.jdbc = jdbc;
        this.json = json;
        this.hub = hub;
    }

    /** Identifies this instance in its announcements, so it does not publish its own events twice. */
    String instance() {
        return instance;
    }

    @Override
    public void handle(IncomingEvent event) {
        Pending pending = pendingIn.current();
        if (pending == null || pending.stored) {
            return;
        }
        Draft draft = new Draft(event);
        pending.drafts.put(event.id(), draft);
        pending.current = draft;
    }

    /** Adds a counter's move to the message of the event being applied, if any. */
    void delta(String metric, long amount) {
        Pending pending = pendingIn.existing();
        if (pending != null && pending.current != null && !pending.stored) {
            pending.current.delta.merge(metric, amount, Long::sum);
        }
    }

    /**
     * The deltas of the current transaction's events, as the event log writes them with the events
     * just before commit, after the counters are written (-10), so no move is left out.
     */
    @Override
    public Map<UUID, String> take() {
        Pending pending = pendingIn.existing();
        if (pending == null || pending.stored) {
            return Map.of();
        }
        pending.stored = true;
        Map<UUID, String> deltas = new HashMap<>();
        for (Draft draft : pending.drafts.values()) {
            if (!draft.delta.isEmpty()) {
                deltas.put(draft.event.id(), json.writeValueAsString(draft.delta));
            }
        }
        return deltas;
    }

    /** Reads the numbers of a transaction's events and announces them, just before it commits. */
    private void announce(Pending pending) {
        if (pending.drafts.isEmpty()) {
            return;
        }
        String[] ids = pending.drafts.keySet().stream().map(UUID::toString).toArray(String[]::new);
        // The announcement is delivered by PostgreSQL only if and when this transaction commits.
        // Mapped by hand: Spring's record mapper would find event_id by asking for eventId and catching the exception.
        List<Logged> logged = jdbc.sql(READ_AND_ANNOUNCE).params(ids, CHANNEL, instance)
                .query((rs, row) -> new Logged(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3)))
                .list();
        for (Logged row : logged) {
            Draft draft = pending.drafts.get(row.eventId());
            if (draft != null) {
                draft.sequence = row.seq();
                draft.province = row.province();
            }
        }
    }

    /** Publishes a committed transaction's events to this instance's clients. */
    private void publish(Pending pending) {
        // In the order applied, which is the order numbered.
        for (Draft draft : pending.drafts.values()) {
            if (draft.sequence > 0) {
                hub.publish(draft.message());
            }
        }
    }

    /** One logged event as the live stream sends it. */
    Optional<LiveMessage> at(long sequence) {
        return after(sequence - 1, null, 1).stream().filter(m -> m.sequence() == sequence).findFirst();
    }

    /** The logged events numbered from {@code first} to {@code last}, oldest first, as the live stream sent them. */
    List<LiveMessage> between(long first, long last) {
        return jdbc.sql("""
                select seq, type, subject, time, province, delta::text as delta from event_log
                where seq between ? and ? order by seq
                """).params(first, last).query(this::message).list();
    }

    /** Logged events after {@code sequence}, oldest first, as the live stream sent them. */
    List<LiveMessage> after(long sequence, @Nullable String province, int limit) {
        StringBuilder sql = new StringBuilder("""
                select seq, type, subject, time, province, delta::text as delta from event_log where seq > ?
                """);
        List<Object> params = new ArrayList<>(List.of(sequence));
        if (province != null) {
            sql.append(" and province = ?");
            params.add(province);
        }
        sql.append(" order by seq limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::message).list();
    }

    private LiveMessage message(ResultSet rs, int row) throws SQLException {
        return new LiveMessage(rs.getLong("seq"), rs.getString("type"), rs.getString("subject"),
                rs.getTimestamp("time").toInstant(), rs.getString("province"), delta(rs.getString("delta")));
    }

    private Map<String, Long> delta(String text) {
        Map<String, Long> delta = new LinkedHashMap<>();
        JsonNode node = json.readTree(text);
        node.properties().forEach(entry -> delta.put(entry.getKey(), entry.getValue().asLong()));
        return delta;
    }
}
