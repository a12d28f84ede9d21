package vn.ocop.marketplace.listing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether what search read from the vocabulary ({@code search_word}) is still current. The
 * vocabulary changes only when listings bring words it did not have, and the trigger that adds
 * them announces it ({@code NOTIFY search_vocabulary} at commit, V10). A session of its own
 * listens, and keeps a generation that changes on every announcement and whenever it starts or
 * stops listening (announcements may have been missed meanwhile): what was read from the
 * vocabulary under a generation is current while the generation stays the same. While not
 * listening (before the first connection, after one is lost) there is no generation, and nothing
 * read may be kept. A connection that breaks is noticed at once; one that goes silent (a network
 * that drops packets) within about ten seconds ({@link #CHECK_EVERY}, then a check of at most as
 * long), during which words committed meanwhile may not be found.
 *
 * <p>PostgreSQL's own LISTEN/NOTIFY rather than a timed expiry: a listing's new word is findable
 * as soon as the listing is committed, as every other part of it is, and the vocabulary is read
 * again only when it changed.
 */
@Component
public final class VocabularyChanges implements SmartLifecycle {

    /** No generation: not listening, so nothing read from the vocabulary may be kept. */
    public static final long NONE = -1;

    static final String CHANNEL = "search_vocabulary";

    private static final Logger log = LoggerFactory.getLogger(VocabularyChanges.class);

    /** How long a wait for announcements lasts before the connection is checked. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);

    /** How long to wait before connecting again after a failure. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final String url;
    private final String user;
    private final String password;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    /** The listening connection, closed by {@link #stop} to end a wait at once. */
    private volatile Connection current;
    private Thread listener;

    @Autowired
    VocabularyChanges(JdbcConnectionDetails database) {
        this(database.getJdbcUrl(), database.getUsername(), database.getPassword());
    }

    /** Listens on a connection of its own (not a pool's: it is held as long as the service runs). */
    public VocabularyChanges(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The current generation of the vocabulary, or {@link #NONE} while not listening. */
    public long generation() {
        return listening ? generation.get() : NONE;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = Thread.ofPlatform().name("vocabulary-changes").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection listening = current;
        if (listening != null) {
            try {
                listening.close();
            }
            catch (SQLException e) {
                // Closing it was only to end the wait.
            }
        }
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(CHECK_EVERY.toMillis() + 5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                current = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Whatever was read before may have missed announcements: a new generation.
                generation.incrementAndGet();
                listening = true;
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) CHECK_EVERY.toMillis());
                    if (received != null && received.length > 0) {
                        generation.incrementAndGet();
                    }
                    else if (!connection.isValid((int) CHECK_EVERY.toSeconds())) {
                        throw new SQLException("the connection listening for vocabulary changes was lost");
                    }
                }
            }
            catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not listening for vocabulary changes (search reads the vocabulary every time meanwhile);"
                            + " retrying in {}", RETRY_AFTER, e);
                }
            }
            finally {
                listening = false;
                generation.incrementAndGet();
                current = null;
            }
            pause();
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RETRY_AFTER);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
