package vn.ocop.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.messaging.MessagingProperties;

/**
 * Publishes committed outbox events to Kafka through Spring Cloud Stream, oldest first.
 *
 * <p>Exactly one relay per service is active: it holds a PostgreSQL session advisory lock, which
 * the database releases by itself if the process dies, so another instance takes over within one
 * poll interval. A single publisher reading in id order keeps the order of events per key.
 *
 * <p>The relay is woken by {@code NOTIFY} at commit (see {@link Outbox}) and polls only as a
 * fallback. Each send waits for the broker's acknowledgement ({@code acks=all}, idempotent
 * producer) before the row is stamped as published. A crash between the acknowledgement and the
 * stamp publishes the event again after restart; consumers drop the repeat by its event id, so the
 * effect happens exactly once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final StreamBridge streamBridge;
    private final MessagingProperties.Relay settings;
    private final String serviceName;
    private final Timer publishDelay;
    private final Counter published;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Instant lastCleanup = Instant.EPOCH;
    private Thread worker;

    public OutboxRelay(DataSource dataSource, StreamBridge streamBridge, MessagingProperties properties,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.streamBridge = streamBridge;
        this.settings = properties.relay();
        this.serviceName = properties.serviceName();
        this.publishDelay = Timer.builder("ocop.outbox.publish.delay")
                .description("Time from an event's commit to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.published = Counter.builder("ocop.outbox.published").description("Events published").register(meters);
        Gauge.builder("ocop.outbox.leader", this, relay -> relay.leader ? 1 : 0)
                .description("1 on the instance whose relay currently publishes")
                .register(meters);
    }

    static String channelName(String serviceName) {
        return "outbox_" + serviceName.replaceAll("[^A-Za-z0-9]", "_");
    }

    public boolean isLeader() {
        return leader;
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(settings.pollInterval().toMillis() + 5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop before the binder's producers (which stop at a lower phase than the default).
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    if (tryLead(connection)) {
                        lead(connection);
                    }
                }
                finally {
                    leader = false;
                    release(connection);
                }
            }
            catch (Exception e) {
                if (running) {
                    log.warn("Outbox relay of {} failed; retrying in {}", serviceName, settings.pollInterval(), e);
                }
            }
            pause(settings.pollInterval());
        }
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, channelName(serviceName));
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void lead(Connection connection) throws SQLException {
        leader = true;
        log.info("Outbox relay of {} is the active publisher", serviceName);
        try (Statement listen = connection.createStatement()) {
            listen.execute("listen " + channelName(serviceName));
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        int waitMillis = (int) settings.pollInterval().toMillis();
        while (running) {
            int count = publishBatch(connection);
            cleanUpIfDue(connection);
            if (count < settings.batchSize()) {
                notifications.getNotifications(waitMillis);
            }
        }
    }

    /** Publishes up to one batch, stamping what the broker acknowledged even if a later send fails. */
    int publishBatch(Connection connection) throws SQLException {
        List<Long> sent = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, message_key, event_type, source, occurred_at, payload, created_at
                from outbox_event where published_at is null order by id limit ?
                """)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next() && running) {
                    streamBridge.send(rs.getString("topic"), toMessage(rs));
                    sent.add(rs.getLong("id"));
                    publishDelay.record(Duration.between(rs.getTimestamp("created_at").toInstant(), Instant.now()));
                }
            }
        }
        finally {
            markPublished(connection, sent);
        }
        return sent.size();
    }

    private static Message<byte[]> toMessage(ResultSet row) throws SQLException {
        String eventId = row.getObject("event_id", UUID.class).toString();
        String key = row.getString("message_key");
        return MessageBuilder.withPayload(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.ID, eventId)
                .setHeader(CloudEventHeaders.SOURCE, row.getString("source"))
                .setHeader(CloudEventHeaders.TYPE, row.getString("event_type"))
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .setHeader(CloudEventHeaders.TIME, row.getTimestamp("occurred_at").toInstant().toString())
                .setHeader(CloudEventHeaders.SUBJECT, key)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .setHeader(MessageHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .build();
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp() where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
        published.increment(ids.size());
    }

    private void cleanUpIfDue(Connection connection) throws SQLException {
        if (Instant.now().isBefore(lastCleanup.plus(Duration.ofMinutes(10)))) {
            return;
        }
        lastCleanup = Instant.now();
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, settings.retention().toSeconds());
            delete.executeUpdate();
        }
    }

    private static void release(Connection connection) {
        // The connection goes back to the pool: the session must not keep the lock or the LISTEN.
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
            statement.execute("select pg_advisory_unlock_all()");
        }
        catch (SQLException e) {
            log.debug("Could not release the outbox relay's session state; the pool will discard it", e);
        }
    }

    private void pause(Duration duration) {
        if (!running) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
