package vn.ocop.messaging.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.ocop.messaging.MessagingProperties;

/**
 * Keeps the inbox to its retention ({@code ocop.messaging.inbox.retention}): once an interval it
 * deletes the ids of events applied longer ago, a batch per statement, so that {@code inbox_event}
 * does not grow for as long as the service runs.
 *
 * <p>An id only has to outlive the chance of the same event coming again: a consumer's
 * uncommitted offsets after a crash (seconds), a dead letter replayed by hand, a consumer group
 * reset. Kafka keeps a record for its topic's retention (the broker's default is 7 days), so the
 * inbox's default of 14 days outlasts every redelivery Kafka can make with default settings. A
 * topic or dead-letter topic kept longer needs a longer inbox retention; zero keeps every id.
 *
 * <p>The old rows are found by a sequential scan of the table, without an index on
 * {@code applied_at}: such an index would cost every consumed event a write, to spare a scan an
 * hour of a table the retention bounds. Every instance runs the deletion, the first time at a
 * random moment within the first interval; two instances deleting at once delete each row once.
 */
public class InboxRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    /** At most this many ids per statement, so that no statement holds many row locks for long. */
    static final int BATCH = 10_000;

    static final String DELETE = """
            delete from inbox_event where ctid = any(array(
                select ctid from inbox_event where applied_at < now() - make_interval(secs => ?) limit ?))
            """;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration interval;
    private final int batch;
    private final Counter deleted;
    private ScheduledExecutorService executor;

    public InboxRetention(JdbcTemplate jdbc, MessagingProperties properties, MeterRegistry meters) {
        this(jdbc, properties.inbox().retention(), properties.inbox().cleanupInterval(), BATCH, meters);
    }

    InboxRetention(JdbcTemplate jdbc, Duration retention, Duration interval, int batch, MeterRegistry meters) {
        if (retention.isNegative() || !interval.isPositive()) {
            throw new IllegalArgumentException("inbox retention must not be negative and its cleanup interval must be"
                    + " positive: " + retention + ", " + interval);
        }
        this.jdbc = jdbc;
        this.retention = retention;
        this.interval = interval;
        this.batch = batch;
        this.deleted = Counter.builder("ocop.inbox.expired")
                .description("Inbox entries deleted once older than the retention")
                .register(meters);
    }

    /** Deletes every inbox entry older than the retention, a batch at a time; returns how many. */
    public long deleteExpired() {
        if (retention.isZero()) {
            return 0;
        }
        long total = 0;
        int removed;
        do {
            removed = jdbc.update(DELETE, retention.toSeconds(), batch);
            total += removed;
            deleted.increment(removed);
        }
        while (removed == batch);
        if (total > 0) {
            log.info("Deleted {} inbox entries older than {}", total, retention);
        }
        return total;
    }

    private void deleteExpiredOrLog() {
        try {
            deleteExpired();
        }
        catch (RuntimeException e) {
            // Caught whatever it is: an exception escaping a scheduled task would cancel it for good.
            log.warn("Could not delete expired inbox entries; trying again in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (retention.isZero() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-retention").daemon()
                .factory());
        long period = interval.toMillis();
        executor.scheduleWithFixedDelay(this::deleteExpiredOrLog, ThreadLocalRandom.current().nextLong(period), period,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
