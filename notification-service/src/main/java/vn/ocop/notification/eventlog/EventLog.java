package vn.ocop.notification.eventlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.messaging.inbox.IncomingEvent;
import vn.ocop.messaging.inbox.IncomingEventHandler;
import vn.ocop.web.Cursor;

/**
 * Keeps every consumed event, of every type, as it was received. Runs in the inbox transaction,
 * so a redelivered event is logged once.
 */
@Repository
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
                        province(body), event.body())
                .update();
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
                "select event_id, type, source, subject, time, topic, province, body::text as body from event_log where true");
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
        return new LoggedEvent(rs.getObject("event_id", UUID.class), rs.getString("type"), rs.getString("source"),
                rs.getString("subject"), rs.getTimestamp("time").toInstant(), rs.getString("topic"),
                rs.getString("province"), json.readTree(rs.getString("body")));
    }
}
