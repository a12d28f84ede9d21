package vn.ocop.notification.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fans live messages out to the connected dashboard clients. Publishing never waits for a client:
 * each client has its own bounded queue and its own (virtual) sender thread, so a slow or stalled
 * client only fills its own queue; when it is full the client is dropped, and it resumes from the
 * event log with {@code Last-Event-ID} when it reconnects.
 */
@Component
class LiveHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** Where one client's messages go (an SSE connection); calls may block, but only that client's thread. */
    interface Sink {

        void send(LiveMessage message) throws IOException;

        void heartbeat() throws IOException;

        void close();
    }

    /** What waits in a client's queue. */
    private sealed interface Item {
    }

    private record Message(LiveMessage message) implements Item {
    }

    private record Heartbeat() implements Item {
    }

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final int queueCapacity;
    private final Counter dropped;
    private volatile boolean running;

    LiveHub(StreamProperties properties, MeterRegistry meters) {
        this.queueCapacity = properties.queueCapacity();
        Gauge.builder("ocop.notification.dashboard.clients", clients, Set::size)
                .description("Live dashboard clients connected to this instance")
                .register(meters);
        this.dropped = Counter.builder("ocop.notification.dashboard.dropped")
                .description("Live dashboard clients dropped for falling too far behind")
                .register(meters);
    }

    /**
     * Connects a client: its sender first replays the log after {@code lastSeen} (page by page, via
     * {@code replay}), then sends live messages, skipping those the replay already sent. Live
     * messages published meanwhile wait in its queue.
     */
    Client connect(Sink sink, @Nullable String province, long lastSeen, LongFunction<List<LiveMessage>> replay) {
        Client client = new Client(sink, province, new ArrayBlockingQueue<>(queueCapacity));
        clients.add(client);
        Thread.ofVirtual().name("live-dashboard-client").start(() -> client.run(lastSeen, replay));
        return client;
    }

    /**
     * Queues the message for every client that wants it. Consumers of different topics publish
     * from their own threads: one message reaches all clients before the next does, so that
     * every screen shows the events in the same order.
     */
    synchronized void publish(LiveMessage message) {
        for (Client client : clients) {
            if (client.wants(message)) {
                client.offer(new Message(message));
            }
        }
    }

    @Scheduled(fixedDelayString = "${ocop.notification.stream.heartbeat:15s}")
    void heartbeat() {
        clients.forEach(client -> client.offer(new Heartbeat()));
    }

    int clientCount() {
        return clients.size();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown, which would otherwise wait for
     * these never-ending requests; the screens reconnect, to another instance, with Last-Event-ID.
     */
    @Override
    public void stop() {
        running = false;
        clients.forEach(Client::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One connected client with its queue. */
    final class Client {

        private final Sink sink;
        private final @Nullable String province;
        private final BlockingQueue<Item> queue;
        private volatile boolean closed;

        private Client(Sink sink, @Nullable String province, BlockingQueue<Item> queue) {
            this.sink = sink;
            this.province = province;
            this.queue = queue;
        }

        boolean wants(LiveMessage message) {
            return province == null || province.equals(message.province());
        }

        private void offer(Item item) {
            if (!closed && !queue.offer(item)) {
                log.info("A live dashboard client fell {} messages behind; dropped, it resumes when it reconnects",
                        queueCapacity);
                dropped.increment();
                close();
            }
        }

        private void run(long lastSeen, LongFunction<List<LiveMessage>> replay) {
            long replayed = lastSeen;
            try {
                if (lastSeen >= 0) {
                    List<LiveMessage> page;
                    do {
                        page = replay.apply(replayed);
                        for (LiveMessage message : page) {
                            sink.send(message);
                            replayed = message.sequence();
                        }
                    }
                    while (!page.isEmpty() && !closed);
                }
                while (!closed) {
                    Item item = queue.take();
                    if (closed) {
                        break;
                    }
                    if (item instanceof Message(LiveMessage message)) {
                        // Published while the replay ran, and already sent by it.
                        if (message.sequence() > replayed) {
                            sink.send(message);
                        }
                    }
                    else {
                        sink.heartbeat();
                    }
                }
            }
            catch (IOException | RuntimeException e) {
                log.debug("A live dashboard client went away", e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                close();
            }
        }

        /** Disconnects the client; the sink is closed on a thread of its own, in case it is the one stalled. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            clients.remove(this);
            queue.clear();
            queue.offer(new Heartbeat());
            Thread.ofVirtual().start(sink::close);
        }
    }
}
