package vn.ocop.notification.eventlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.inbox.IncomingEvent;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.web.Cursor;

/**
 * Keeps every consumed event, of every type, as it was received, numbered in the order the
 * events were committed. Runs in the inbox transaction, so a redelivered event is logged once.
 */
@Repository
@Order(0)
class EventLog implements IncomingEventHandler {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void handle(IncomingEvent event) {
        JsonNode body = json.readTree(event.body());
        Instant time = event.time() == null ? Instant.now() : event.time();
        jdbc.sql("""
                insert into event_log (event_id, type, source, subject, time, topic, province, body)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (event_id) do nothing
                """)
                .params(event.id(), event.type(), event.source(), event.subject(), Timestamp.from(time), event.topic(),
                        provinceOf(body), event.body())
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return 0;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    numberInCommitOrder(event.id());
                }
            });
        }
    }

    /**
     * Gives the event the next number under a lock that the commit releases: consumers on several
     * threads (one per topic) or instances then number their events in the order they commit, and
     * a client resuming after number n misses nothing committed later.
     */
    private void numberInCommitOrder(UUID eventId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ocop_event_log_order'))").query().singleRow();
        jdbc.sql("update event_log set seq = nextval(pg_get_serial_sequence('event_log', 'seq')) where event_id = ?")
                .param(eventId)
                .update();
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
