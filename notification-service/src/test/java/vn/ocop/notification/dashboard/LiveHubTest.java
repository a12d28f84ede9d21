package vn.ocop.notification.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveHubTest {

    private final LiveHub hub = new LiveHub(new StreamProperties(Duration.ofSeconds(15), 8, Duration.ofMinutes(1), 100),
            new SimpleMeterRegistry());

    /** A client that reads everything it is sent. */
    private static final class Reader implements LiveHub.Sink {
        final List<Long> received = new CopyOnWriteArrayList<>();
        final AtomicInteger heartbeats = new AtomicInteger();

        @Override
        public void send(LiveMessage message) {
            received.add(message.sequence());
        }

        @Override
        public void heartbeat() {
            heartbeats.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }

    /** A client that never reads: its first write never returns. */
    private static final class Stalled implements LiveHub.Sink {
        final CountDownLatch never = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void send(LiveMessage message) {
            try {
                never.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void heartbeat() {
            send(message(0));
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aClientThatNeverReadsHoldsNoOtherBackAndIsDropped() {
        Stalled stalled = new Stalled();
        Reader first = new Reader();
        Reader second = new Reader();
        hub.connect(stalled, null, -1, after -> List.of());
        hub.connect(first, null, -1, after -> List.of());
        hub.connect(second, null, -1, after -> List.of());

        for (long sequence = 1; sequence <= 100; sequence++) {
            long start = System.nanoTime();
            hub.publish(message(sequence));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("publishing waits for no client")
                    .isLessThan(Duration.ofMillis(500));
            long expected = sequence;
            // Paced like events arriving from Kafka, so the readers' own queues never overflow.
            await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(2))
                    .until(() -> first.received.size() == expected && second.received.size() == expected);
        }

        assertThat(first.received).isSorted().startsWith(1L, 2L).endsWith(100L);
        await().atMost(Duration.ofSeconds(5)).until(stalled.closed::get);
        assertThat(hub.clientCount()).isEqualTo(2);
        stalled.never.countDown();
    }

    @Test
    void aResumingClientGetsTheLogFirstThenLiveMessagesWithoutRepeats() {
        Reader reader = new Reader();
        CountDownLatch publishedDuringReplay = new CountDownLatch(1);
        AtomicInteger pages = new AtomicInteger();
        hub.connect(reader, null, 5, after -> {
            if (pages.getAndIncrement() > 0) {
                return List.of();
            }
            waitFor(publishedDuringReplay);
            return List.of(message(6), message(7));
        });

        hub.publish(message(7));
        hub.publish(message(8));
        publishedDuringReplay.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.received.size() == 3);
        assertThat(reader.received).containsExactly(6L, 7L, 8L);
    }

    @Test
    void clientsOfOneProvinceGetOnlyItsEventsAndHeartbeatsKeepThemAlive() {
        Reader hanoi = new Reader();
        hub.connect(hanoi, "Hà Nội", -1, after -> List.of());

        hub.publish(new LiveMessage(1, "t", null, Instant.now(), "Hà Giang", Map.of()));
        hub.publish(new LiveMessage(2, "t", null, Instant.now(), "Hà Nội", Map.of()));
        hub.heartbeat();

        await().atMost(Duration.ofSeconds(5)).until(() -> hanoi.heartbeats.get() == 1);
        assertThat(hanoi.received).containsExactly(2L);
    }

    private static LiveMessage message(long sequence) {
        return new LiveMessage(sequence, "vn.ocop.catalog.product-registered.v1", "p-" + sequence, Instant.now(),
                "Hà Giang", Map.of("products.registered", 1L));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
