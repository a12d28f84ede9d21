package vn.ocop.notification.delivery;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.notification.inbox.DeliveryTargets;
import vn.ocop.notification.inbox.MessagePosted;
import vn.ocop.notification.recipient.Channels;
import vn.ocop.notification.recipient.Language;
import vn.ocop.notification.recipient.RecipientChannels;
import vn.ocop.web.Cursor;

/**
 * The delivery outbox. Rows are written in the transaction that creates the inbox message (so a
 * message and its deliveries exist together or not at all) and sent later by {@link DeliveryWorker},
 * never from inside the consumer's transaction.
 */
@Repository
class Deliveries {

    static final String SMTP_ENDPOINT = "smtp";

    private static final String COLUMNS = """
            id, message_id, recipient, channel, target, endpoint, language, status, attempts, next_attempt_at,
            last_error, created_at, finished_at
            """;

    /** One attempt, for the delivery log. */
    record Attempt(int attempt, Instant attemptedAt, String outcome, @Nullable Integer statusCode,
            @Nullable String error, long durationMs) {
    }

    private final JdbcClient jdbc;
    private final RecipientChannels channels;
    private final MeterRegistry meters;

    Deliveries(JdbcClient jdbc, RecipientChannels channels, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.meters = meters;
        Gauge.builder("ocop.notification.deliveries.pending", this, Deliveries::pending)
                .description("Deliveries waiting to be sent or retried")
                .strongReference(true)
                .register(meters);
    }

    private double pending() {
        return jdbc.sql("select count(*) from delivery where status = 'PENDING'").query(Long.class).single();
    }

    /** Writes the deliveries of a new message: the cause's own targets, else the recipient's registered channels. */
    @EventListener
    void enqueue(MessagePosted posted) {
        Optional<Channels> registered = channels.find(posted.recipient());
        DeliveryTargets own = posted.targets();
        String email = own.email() != null ? own.email() : registered.map(Channels::email).orElse(null);
        String webhook = own.webhookUrl() != null ? own.webhookUrl() : registered.map(Channels::webhookUrl).orElse(null);
        String language = registered.map(Channels::language).orElse(Language.DEFAULT).code();
        if (email != null) {
            insert(posted, Channel.EMAIL, email, SMTP_ENDPOINT, language);
        }
        if (webhook != null) {
            insert(posted, Channel.WEBHOOK, webhook, endpointOf(webhook), language);
        }
    }

    private void insert(MessagePosted posted, Channel channel, String target, String endpoint, String language) {
        jdbc.sql("""
                insert into delivery (id, message_id, recipient, channel, target, endpoint, language, status, attempts,
                    next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, now())
                on conflict (message_id, channel, target) do nothing
                """)
                .params(UUID.randomUUID(), posted.message().id(), posted.recipient().toString(), channel.name(), target,
                        endpoint, language)
                .update();
    }

    /** A webhook's receiver: its scheme, host and port, the unit that is up or down. */
    static String endpointOf(String url) {
        try {
            URI uri = URI.create(url);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Reserves up to {@code limit} due deliveries for {@code lease}, skipping rows another instance
     * holds and endpoints that are resting after failures.
     */
    List<Delivery> claim(int limit, Duration lease) {
        return jdbc.sql("update delivery d set claimed_until = now() + make_interval(secs => ?)"
                + " where d.id in (select c.id from delivery c"
                + "   where c.status = 'PENDING' and c.next_attempt_at <= now()"
                + "     and (c.claimed_until is null or c.claimed_until < now())"
                + "     and not exists (select 1 from delivery_endpoint e where e.endpoint = c.endpoint and e.blocked_until > now())"
                + "   order by c.next_attempt_at limit ? for update of c skip locked)"
                + " returning " + COLUMNS)
                .params(seconds(lease), limit)
                .query(Deliveries::map)
                .list();
    }

    void sent(Delivery delivery, Outcome outcome, long durationMs) {
        int attempt = delivery.attempts() + 1;
        jdbc.sql("""
                update delivery set status = 'SENT', attempts = ?, claimed_until = null, last_error = null,
                    finished_at = now()
                where id = ?
                """)
                .params(attempt, delivery.id())
                .update();
        log(delivery, attempt, outcome, durationMs);
    }

    /** Counts a failed attempt: the delivery waits {@code retryAfter}, or is given up after its last attempt. */
    void failed(Delivery delivery, Outcome outcome, long durationMs, int maxAttempts, Duration retryAfter) {
        int attempt = delivery.attempts() + 1;
        boolean last = attempt >= maxAttempts;
        jdbc.sql("""
                update delivery set status = ?, attempts = ?, claimed_until = null, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => ?), finished_at = case when ? then now() end
                where id = ?
                """)
                .params(last ? "FAILED" : "PENDING", attempt, outcome.error(), seconds(retryAfter), last, delivery.id())
                .update();
        log(delivery, attempt, outcome, durationMs);
        if (last) {
            meters.counter("ocop.notification.deliveries.given-up", "channel", delivery.channel().name()).increment();
        }
    }

    /** Gives claimed deliveries back untouched (their endpoint failed meanwhile): no attempt is counted. */
    void release(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            jdbc.sql("update delivery set claimed_until = null where id = ?").param(delivery.id()).update();
        }
    }

    /** Counts one more consecutive failure of an endpoint and returns how many there are now. */
    int endpointFailed(String endpoint) {
        return jdbc.sql("""
                insert into delivery_endpoint (endpoint, consecutive_failures, blocked_until) values (?, 1, now())
                on conflict (endpoint) do update set consecutive_failures = delivery_endpoint.consecutive_failures + 1
                returning consecutive_failures
                """)
                .param(endpoint)
                .query(Integer.class)
                .single();
    }

    void restEndpoint(String endpoint, Duration rest) {
        jdbc.sql("update delivery_endpoint set blocked_until = now() + make_interval(secs => ?) where endpoint = ?")
                .params(seconds(rest), endpoint)
                .update();
    }

    void endpointRecovered(String endpoint) {
        jdbc.sql("delete from delivery_endpoint where endpoint = ?").param(endpoint).update();
    }

    private void log(Delivery delivery, int attempt, Outcome outcome, long durationMs) {
        meters.counter("ocop.notification.delivery.attempts", "channel", delivery.channel().name(), "outcome",
                outcome.sent() ? "sent" : "failed").increment();
        jdbc.sql("""
                insert into delivery_attempt (delivery_id, attempt, attempted_at, outcome, status_code, error, duration_ms)
                values (?, ?, now(), ?, ?, ?, ?)
                """)
                .params(delivery.id(), attempt, outcome.sent() ? "SENT" : "FAILED", outcome.statusCode(),
                        outcome.error(), durationMs)
                .update();
    }

    List<Delivery> forRecipient(String recipient, @Nullable String status, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from delivery where recipient = ?");
        List<Object> params = new ArrayList<>(List.of(recipient));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Deliveries::map).list();
    }

    List<Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("""
                select attempt, attempted_at, outcome, status_code, error, duration_ms
                from delivery_attempt where delivery_id = ? order by attempt
                """)
                .param(deliveryId)
                .query(Attempt.class)
                .list();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                rs.getString("recipient"), Channel.valueOf(rs.getString("channel")), rs.getString("target"),
                rs.getString("endpoint"), rs.getString("language"), rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
