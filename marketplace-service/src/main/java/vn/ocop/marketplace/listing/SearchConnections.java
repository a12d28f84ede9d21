package vn.ocop.marketplace.listing;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connections listing search runs on: a pool of its own beside the service's, to the same
 * database.
 *
 * <p>Search binds word lists and LIKE patterns as parameters, and only a plan made for their
 * values knows how common the words are, so whether to look them up in the word indexes or walk
 * the page's order (with trigram indexes a generic plan once measured 148 ms against 1 ms at
 * 100,000 listings): these connections plan every statement with its values
 * ({@code plan_cache_mode = force_custom_plan}). The service's own statements, whose plans do not
 * depend on their values, keep the plans PostgreSQL caches for prepared statements: planning each
 * of them again had cost about a tenth of PostgreSQL's time in the event flow. And a burst of
 * searches cannot hold every connection the event consumer needs.
 */
@Component
class SearchConnections implements DisposableBean {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    SearchConnections(JdbcConnectionDetails database, MeterRegistry meters,
            @Value("${ocop.marketplace.search.pool-size}") int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("ocop.marketplace.search.pool-size must be at least 1, not " + poolSize);
        }
        pool = new HikariDataSource();
        pool.setPoolName("search");
        pool.setJdbcUrl(database.getJdbcUrl());
        pool.setUsername(database.getUsername());
        pool.setPassword(database.getPassword());
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(Math.min(2, poolSize));
        pool.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        // hikaricp_connections_* with pool="search", beside the service's pool.
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        jdbc = JdbcClient.create(pool);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
