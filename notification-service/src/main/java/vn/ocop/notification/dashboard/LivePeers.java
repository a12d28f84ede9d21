package vn.ocop.notification.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the events other instances applied to this instance's dashboard clients. Each instance
 * consumes only its share of the partitions; a screen connected to one instance must still see
 * every event. Instances announce what they committed with {@code NOTIFY} (delivered only on
 * commit), one announcement per transaction naming the range of numbers its events got
 * ({@code instance:first-last}, or {@code instance:n} for one event), and this listener publishes
 * the logged events of that range to the local hub.
 */
@Component
class LivePeers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePeers.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final LiveFeed feed;
    private final LiveHub hub;

    private volatile boolean running;

    LivePeers(DataSource dataSource, LiveFeed feed, LiveHub hub) {
        this.dataSource = dataSource;
        this.feed = feed;
        this.hub = hub;
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread.ofPlatform().name("live-dashboard-peers").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        // The listener notices within a second (its wait for notifications) and returns its connection.
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + LiveFeed.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] received = notifications.getNotifications(1_000);
                        if (received != null) {
                            for (PGNotification notification : received) {
                                relay(notification.getParameter());
                            }
                        }
                    }
                }
                finally {
                    unlisten(connection);
                }
            }
            catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live dashboard lost its link to the other instances; retrying in {}", RETRY, e);
                    pause();
                }
            }
        }
    }

    /** Publishes the events another instance applied; this instance's own were published after their commit. */
    private void relay(String announcement) {
        int colon = announcement.lastIndexOf(':');
        if (colon < 0 || announcement.substring(0, colon).equals(feed.instance())) {
            return;
        }
        String numbers = announcement.substring(colon + 1);
        int dash = numbers.indexOf('-');
        try {
            if (dash < 0) {
                feed.at(Long.parseLong(numbers)).ifPresent(hub::publish);
            }
            else {
                feed.between(Long.parseLong(numbers.substring(0, dash)), Long.parseLong(numbers.substring(dash + 1)))
                        .forEach(hub::publish);
            }
        }
        catch (NumberFormatException e) {
            log.debug("Ignored a malformed live dashboard announcement: {}", announcement);
        }
    }

    private static void unlisten(Connection connection) {
        // The connection goes back to the pool: it must not keep listening.
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
        }
        catch (SQLException e) {
            log.debug("Could not stop listening; the pool will discard the connection", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
