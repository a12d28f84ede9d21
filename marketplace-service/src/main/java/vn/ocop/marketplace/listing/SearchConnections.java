package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.ocop.web.BusyException;

/**
 * The connections listing search runs on: two pools of their own beside the service's, to the
 * same database and with the same {@code spring.datasource.hikari.*} settings except their names,
 * sizes, an init statement and (for the second) driver settings of their own, and the turns
 * searches take on them.
 *
 * <p>Search binds word lists and LIKE patterns as parameters, and only a plan made for their
 * values knows how common the words are, so whether to look them up in the word indexes or walk
 * the page's order (with trigram indexes a generic plan once measured 148 ms against 1 ms at
 * 100,000 listings): one pool plans every statement with its values
 * ({@code plan_cache_mode = force_custom_plan}). Statements with one good plan whatever their
 * values (the vocabulary lookups, searches whose words the statistics say are rare, and browsing
 * that walks an index) run on a second pool of the same size that plans each statement once
 * without its values and keeps that plan ({@code force_generic_plan}, named server-side
 * statements): planning was about a sixth of PostgreSQL's time for search. The service's own statements, whose plans do not depend on their
 * values, keep the plans PostgreSQL caches for prepared statements: planning each of them again
 * had cost about a tenth of PostgreSQL's time in the event flow. And a burst of searches cannot
 * hold every connection the event consumer needs.
 *
 * <p>As many searches run at once as a pool has connections (a search uses one connection at a
 * time, of either pool); the others wait for their turn
 * in the order they came ({@link #inTurn}), at most {@code ocop.marketplace.search.max-wait}.
 * A search is CPU work on the database, so more of them at once only share the same cores and
 * each takes longer; and the pool's own wait is not first come, first served (a search arriving
 * as a connection comes back can take it before one that has waited).
 */
@Component
class SearchConnections implements DisposableBean {

    /** What a search refused for waiting too long asks the client to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** The most statements each connection that keeps plans keeps. */
    static final int PREPARED_STATEMENTS = 64;

    /** The most searches at once by default (see {@link #defaultPoolSize}); each of search's two pools has as many connections. */
    static final int MAX_DEFAULT_POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final HikariDataSource preparedPool;
    private final JdbcClient jdbc;
    private final JdbcClient prepared;
    private final Semaphore turns;
    private final Duration maxWait;
    private final Timer admitted;
    private final Timer refused;

    SearchConnections(Environment environment, JdbcConnectionDetails database, MeterRegistry meters,
            @Value("${ocop.marketplace.search.pool-size}") int poolSize,
            @Value("${ocop.marketplace.search.max-wait}") Duration maxWait) {
        if (poolSize < 0) {
            throw new IllegalArgumentException("ocop.marketplace.search.pool-size must not be negative, not " + poolSize);
        }
        int size = poolSize == 0 ? defaultPoolSize(Runtime.getRuntime().availableProcessors()) : poolSize;
        pool = pool(environment, database, meters, "search", size, false);
        preparedPool = pool(environment, database, meters, "search-prepared", size, true);
        jdbc = JdbcClient.create(pool);
        prepared = JdbcClient.create(preparedPool);
        turns = new Semaphore(size, true);
        this.maxWait = maxWait;
        Gauge.builder("marketplace.search.waiting", turns, Semaphore::getQueueLength)
                .description("Searches waiting for their turn on search's connections")
                .register(meters);
        // How long searches waited for their turn: of a search's time in the service, the part
        // spent in line rather than running.
        admitted = waitTimer(meters, "admitted");
        refused = waitTimer(meters, "refused");
    }

    /**
     * One of search's pools: the service pool's settings (timeouts, lifetimes, driver properties
     * …), bound as Spring Boot binds them to that pool; then its own name, size and plan cache
     * mode: a generic plan kept per statement ({@code keepPlans}), or each planned with its values.
     */
    private static HikariDataSource pool(Environment environment, JdbcConnectionDetails database, MeterRegistry meters,
            String name, int size, boolean keepPlans) {
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(name);
        pool.setJdbcUrl(database.getJdbcUrl());
        pool.setUsername(database.getUsername());
        pool.setPassword(database.getPassword());
        // A fixed size: the turns count on every connection being open, not opened one at a
        // time inside a turn after a quiet spell.
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        String serviceInitSql = pool.getConnectionInitSql();
        pool.setConnectionInitSql((serviceInitSql == null || serviceInitSql.isBlank() ? "" : serviceInitSql + "; ")
                + "set plan_cache_mode = " + (keepPlans ? "force_generic_plan" : "force_custom_plan"));
        if (keepPlans) {
            // Named server-side statements from the first execution on, so that the generic
            // plan is made once per connection and statement and then kept; unless the service
            // turned them off (0, as behind a pooler that cannot keep them), when each statement
            // is planned once per execution, still without its values.
            if (!"0".equals(String.valueOf(pool.getDataSourceProperties().get("prepareThreshold")))) {
                pool.addDataSourceProperty("prepareThreshold", "1");
            }
            // Each statement kept costs the database about 100 kB per connection: at most 64 of
            // them (the driver's default is 256), the least recently used closed first.
            pool.addDataSourceProperty("preparedStatementCacheQueries", String.valueOf(PREPARED_STATEMENTS));
        }
        // hikaricp_connections_* with pool="search" or "search-prepared", beside the service's pool.
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return pool;
    }

    private static Timer waitTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("marketplace.search.wait")
                .description("How long searches waited for their turn on search's connections")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Connections when {@code ocop.marketplace.search.pool-size} is 0: two per core of the
     * service's machine, at most {@link #MAX_DEFAULT_POOL_SIZE}. On two cores (the database on the
     * same machine) searches at a million listings kept their throughput with 4 at once instead
     * of 10, and their p99 fell. The database's cores are what search uses, and the service
     * cannot see them: the cap keeps a service on a large machine from running more searches at
     * once than the 10 it had before (and from holding more than 20 of the database's
     * connections for them, 10 in each pool).
     */
    static int defaultPoolSize(int cores) {
        return Math.min(MAX_DEFAULT_POOL_SIZE, 2 * Math.max(1, cores));
    }

    /** Connections that plan every statement with its values. */
    JdbcClient jdbc() {
        return jdbc;
    }

    /** Connections that plan every statement once, without its values, and keep that plan. */
    JdbcClient prepared() {
        return prepared;
    }

    HikariDataSource pool() {
        return pool;
    }

    HikariDataSource preparedPool() {
        return preparedPool;
    }

    /** How many searches run at once. */
    int size() {
        return pool.getMaximumPoolSize();
    }

    /**
     * Runs a search once it is its turn: at most as many at once as there are connections, the
     * others in the order they came. One that has waited {@code max-wait} is refused (503 with
     * {@code Retry-After}) rather than kept waiting.
     */
    <T> T inTurn(Supplier<T> search) {
        boolean inTurn;
        long start = System.nanoTime();
        try {
            inTurn = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            // Only when the service stops: unavailable as well.
            Thread.currentThread().interrupt();
            inTurn = false;
        }
        (inTurn ? admitted : refused).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!inTurn) {
            throw new BusyException("Too many searches are waiting; try again shortly", RETRY_AFTER);
        }
        try {
            return search.get();
        }
        finally {
            turns.release();
        }
    }

    @Override
    public void destroy() {
        try {
            pool.close();
        }
        finally {
            preparedPool.close();
        }
    }
}
