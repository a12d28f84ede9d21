package vn.ocop.notification.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.inbox.IncomingEvent;
import vn.ocop.messaging.inbox.IncomingEventHandler;

/**
 * Builds the live message of each event while its inbox transaction applies it (the counters add
 * their deltas as they move), stores the deltas with the logged event before commit, and hands the
 * message to the {@link LiveHub} only after commit: a client never sees an event that was rolled
 * back. Other instances hear of it by {@code NOTIFY} (see {@link LivePeers}).
 */
@Component
@Order(1)
class LiveFeed implements IncomingEventHandler {

    private static final Object KEY = LiveFeed.class;

    /** The PostgreSQL channel on which each instance announces the events it applied, for the others' clients. */
    static final String CHANNEL = "ocop_live_dashboard";

    /** The message of the event the current transaction applies; numbered just before commit. */
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
    record Logged(long seq, @Nullable String province) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LiveHub hub;
    private final String instance = UUID.randomUUID().toString();

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
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Draft draft = new Draft(event);
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        TransactionSynchronizationManager.bindResource(KEY, draft);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                // After the event log has numbered the event.
                return 1;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                Optional<Logged> logged = jdbc.sql("select seq, province from event_log where event_id = ?")
                        .param(event.id())
                        .query(Logged.class)
                        .optional();
                if (logged.isEmpty()) {
                    return;
                }
                draft.sequence = logged.get().seq();
                draft.province = logged.get().province();
                if (!draft.delta.isEmpty()) {
                    jdbc.sql("update event_log set delta = ?::jsonb where seq = ?")
                            .params(json.writeValueAsString(draft.delta), draft.sequence)
                            .update();
                }
                // Delivered by PostgreSQL only if and when this transaction commits.
                jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, instance + ":" + draft.sequence).query().singleRow();
            }

            @Override
            public void afterCommit() {
                if (draft.sequence > 0) {
                    hub.publish(draft.message());
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }

    /** Adds a counter's move to the message of the event being applied, if any. */
    void delta(String metric, long amount) {
        if (TransactionSynchronizationManager.getResource(KEY) instanceof Draft draft) {
            draft.delta.merge(metric, amount, Long::sum);
        }
    }

    /** One logged event as the live stream sends it. */
    Optional<LiveMessage> at(long sequence) {
        return after(sequence - 1, null, 1).stream().filter(m -> m.sequence() == sequence).findFirst();
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
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new LiveMessage(rs.getLong("seq"), rs.getString("type"), rs.getString("subject"),
                        rs.getTimestamp("time").toInstant(), rs.getString("province"), delta(rs.getString("delta"))))
                .list();
    }

    private Map<String, Long> delta(String text) {
        Map<String, Long> delta = new LinkedHashMap<>();
        JsonNode node = json.readTree(text);
        node.properties().forEach(entry -> delta.put(entry.getKey(), entry.getValue().asLong()));
        return delta;
    }
}
