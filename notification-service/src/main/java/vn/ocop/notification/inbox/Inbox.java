package vn.ocop.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.notification.recipient.Recipient;
import vn.ocop.web.Cursor;

/** Inbox messages in notification's database, newest first per recipient. */
@Repository
public class Inbox {

    private static final String SELECT = "select id, recipient, kind, facts::text as facts, occurred_at, read_at from inbox_message";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a message unless the same recipient already has this kind of message for this cause
     * ({@code dedupeKey}); the new message is announced as {@link MessagePosted} in the caller's
     * transaction, which writes its deliveries.
     */
    public Optional<InboxMessage> post(Recipient recipient, MessageKind kind, Map<String, ?> facts, String dedupeKey,
            Instant occurredAt, DeliveryTargets targets) {
        UUID id = UUID.randomUUID();
        String factsJson = json.writeValueAsString(facts);
        int inserted = jdbc.sql("""
                insert into inbox_message (id, recipient, kind, facts, dedupe_key, occurred_at)
                values (?, ?, ?, ?::jsonb, ?, ?)
                on conflict (recipient, kind, dedupe_key) do nothing
                """)
                .params(id, recipient.toString(), kind.name(), factsJson, dedupeKey, Timestamp.from(occurredAt))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        InboxMessage message = new InboxMessage(id, recipient.toString(), kind, json.readTree(factsJson), occurredAt, null);
        events.publishEvent(new MessagePosted(message, recipient, targets));
        return Optional.of(message);
    }

    public Optional<InboxMessage> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    List<InboxMessage> list(Recipient recipient, boolean unreadOnly, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where recipient = ?");
        List<Object> params = new ArrayList<>(List.of(recipient.toString()));
        if (unreadOnly) {
            sql.append(" and read_at is null");
        }
        if (after != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    long unread(Recipient recipient) {
        return jdbc.sql("select count(*) from inbox_message where recipient = ? and read_at is null")
                .param(recipient.toString())
                .query(Long.class)
                .single();
    }

    /** Marks a message read; reading it again keeps the first time. */
    Optional<InboxMessage> markRead(UUID id) {
        jdbc.sql("update inbox_message set read_at = ? where id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        return find(id);
    }

    private InboxMessage map(ResultSet rs, int row) throws SQLException {
        JsonNode facts = json.readTree(rs.getString("facts"));
        Timestamp readAt = rs.getTimestamp("read_at");
        return new InboxMessage(rs.getObject("id", UUID.class), rs.getString("recipient"),
                MessageKind.valueOf(rs.getString("kind")), facts, rs.getTimestamp("occurred_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
