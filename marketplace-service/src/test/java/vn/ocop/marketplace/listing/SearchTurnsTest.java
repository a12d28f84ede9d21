package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.StandardEnvironment;

import vn.ocop.web.BusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * How searches take turns on search's connections: as many at once as there are connections, the
 * others in the order they came, and none kept waiting past max-wait. The pool opens no
 * connection here (no statement runs), so no database is needed.
 */
class SearchTurnsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<SearchConnections> opened = new ArrayList<>();

    @AfterEach
    void close() {
        threads.shutdownNow();
        opened.forEach(SearchConnections::destroy);
    }

    private SearchConnections connections(int poolSize, Duration maxWait) {
        SearchConnections connections = new SearchConnections(new StandardEnvironment(), new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "search";
            }

            @Override
            public String getPassword() {
                return "search";
            }

            @Override
            public String getJdbcUrl() {
                return "jdbc:postgresql://localhost:1/none";
            }
        }, meters, poolSize, maxWait);
        opened.add(connections);
        return connections;
    }

    private double waiting() {
        return meters.get("marketplace.search.waiting").gauge().value();
    }

    @Test
    void asManyRunAtOnceAsThereAreConnections() throws Exception {
        SearchConnections connections = connections(2, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        List<Future<?>> searches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            searches.add(threads.submit(() -> connections.inTurn(() -> {
                running.incrementAndGet();
                await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
                return null;
            })));
        }

        // Two run; the third waits its turn.
        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2 && waiting() == 1);
        release.countDown();
        for (Future<?> search : searches) {
            search.get(10, TimeUnit.SECONDS);
        }
        assertThat(running).hasValue(3);
    }

    @Test
    void theOthersWaitTheirTurnInTheOrderTheyCame() throws Exception {
        SearchConnections connections = connections(1, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        // The first search holds the only turn, then, as soon as it gives it back, asks again
        // and again: it comes after those already waiting instead of taking the turn back.
        Future<?> first = threads.submit(() -> {
            connections.inTurn(() -> {
                holding.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
                return null;
            });
            for (int n = 6; n <= 25; n++) {
                int again = n;
                connections.inTurn(() -> order.add(again));
            }
            return null;
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> searches = new ArrayList<>(List.of(first));
        for (int i = 1; i <= 5; i++) {
            int n = i;
            searches.add(threads.submit(() -> connections.inTurn(() -> order.add(n))));
            // The next comes only once this one waits.
            await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == n);
        }

        release.countDown();
        for (Future<?> search : searches) {
            search.get(10, TimeUnit.SECONDS);
        }
        assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(waiting()).isZero();
    }

    @Test
    void aSearchThatWaitedPastMaxWaitIsRefusedWithoutRunning() throws Exception {
        SearchConnections connections = connections(1, Duration.ofMillis(100));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> connections.inTurn(() -> {
            holding.countDown();
            await().until(() -> release.getCount() == 0);
            return null;
        }));
        holding.await();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> connections.inTurn(() -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(BusyException.class,
                        busy -> assertThat(busy.retryAfter()).isEqualTo(SearchConnections.RETRY_AFTER));
        assertThat(ran).isFalse();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(connections.inTurn(() -> "ran")).isEqualTo("ran");
        // The wait is measured either way: the refused search waited max-wait; the two admitted
        // found a free turn.
        Timer refused = meters.get("marketplace.search.wait").tag("outcome", "refused").timer();
        assertThat(refused.count()).isEqualTo(1);
        assertThat(refused.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
        Timer admitted = meters.get("marketplace.search.wait").tag("outcome", "admitted").timer();
        assertThat(admitted.count()).isEqualTo(2);
        assertThat(admitted.max(TimeUnit.MILLISECONDS)).isLessThan(100);
    }

    @Test
    void aTurnIsGivenBackWhenTheSearchFails() {
        SearchConnections connections = connections(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> connections.inTurn(() -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");

        assertThat(connections.inTurn(() -> "ran")).isEqualTo("ran");
    }

    @Test
    void withoutASizeTwoConnectionsPerCoreAtMostTen() {
        assertThat(SearchConnections.defaultPoolSize(1)).isEqualTo(2);
        assertThat(SearchConnections.defaultPoolSize(2)).isEqualTo(4);
        assertThat(SearchConnections.defaultPoolSize(4)).isEqualTo(8);
        assertThat(SearchConnections.defaultPoolSize(32)).isEqualTo(10);
        assertThat(connections(0, Duration.ofSeconds(1)).size())
                .isEqualTo(SearchConnections.defaultPoolSize(Runtime.getRuntime().availableProcessors()));
        assertThat(connections(3, Duration.ofSeconds(1)).size()).isEqualTo(3);
        assertThatThrownBy(() -> connections(-1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
