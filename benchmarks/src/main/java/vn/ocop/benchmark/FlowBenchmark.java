package vn.ocop.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.EventTypes;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.contracts.marketplace.OrderPlaced;

/**
 * Event flow through the real services: events are committed into a service's outbox exactly as
 * that service commits them (row plus NOTIFY, one transaction each), and the effect is found by
 * the commit timestamp of the row it produced downstream ({@code track_commit_timestamp}). So
 * the latency is commit to commit, with no polling in between.
 */
final class FlowBenchmark {

    /** One run: latencies to each observed effect and the end-to-end rate. */
    record Result(String name, int events, double offeredPerSecond, Map<String, Stats> latencies,
            double sustainedPerSecond) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PROVINCES = { "Thái Nguyên", "Hà Nội", "An Giang", "Cần Thơ", "Lâm Đồng", "Huế" };

    private final DataSource evaluation;
    private final DataSource marketplace;
    private final DataSource notification;

    FlowBenchmark(DataSource evaluation, DataSource marketplace, DataSource notification) {
        this.evaluation = evaluation;
        this.marketplace = marketplace;
        this.notification = notification;
    }

    /** Certifications at a fixed rate (0 = as fast as possible, in batches of 100 per transaction). */
    Result certifiedToListed(String name, int count, double ratePerSecond) throws Exception {
        List<UUID> products = new ArrayList<>();
        Map<UUID, Instant> committed = new HashMap<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProductCertified certified = certified(i);
            products.add(certified.productId());
            events.add(certified);
        }
        Instant start = Instant.now();
        commitPaced(evaluation, "evaluation-service", events, ratePerSecond, (event, at) ->
                committed.put(((ProductCertified) event).productId(), at));
        // When the relay had the broker's acknowledgement (it stamps the row right after): splits
        // the latency into the relay's share and the consumer's.
        Map<UUID, Instant> published = awaitCommits(evaluation,
                "select message_key::uuid as k, published_at as t from outbox_event"
                        + " where published_at is not null and message_key = any(?::text[])",
                products, Duration.ofMinutes(5));
        Map<UUID, Instant> listed = awaitCommits(marketplace,
                "select product_id as k, pg_xact_commit_timestamp(xmin) as t from listing where product_id = any(?)",
                products, Duration.ofMinutes(5));
        Map<UUID, UUID> productOfListing = pairs(marketplace, "select id, product_id from listing where product_id = any(?)",
                products);
        List<UUID> listingIds = new ArrayList<>(productOfListing.keySet());
        Map<UUID, Instant> logged = awaitCommits(notification,
                "select subject::uuid as k, pg_xact_commit_timestamp(xmin) as t from event_log"
                        + " where type = '" + MarketplaceEvents.LISTING_CREATED.name() + "' and subject = any(?::text[])",
                listingIds, Duration.ofMinutes(5));
        Map<UUID, Instant> loggedByProduct = new HashMap<>();
        logged.forEach((listing, at) -> loggedByProduct.put(productOfListing.get(listing), at));
        // Notification also consumes the certifications themselves, on another topic: the next run
        // starts once it has caught up with them too, so that it does not measure this backlog.
        awaitCommits(notification, "select subject::uuid as k, pg_xact_commit_timestamp(xmin) as t from event_log"
                + " where type = '" + EvaluationEvents.PRODUCT_CERTIFIED.name() + "' and subject = any(?::text[])",
                products, Duration.ofMinutes(5));
        Instant last = listed.values().stream().max(Instant::compareTo).orElse(start);
        Instant first = committed.values().stream().min(Instant::compareTo).orElse(start);
        Map<String, Stats> latencies = new LinkedHashMap<>();
        latencies.put("certifying commit -> acknowledged by Kafka (relay)", latencies(committed, published));
        latencies.put("acknowledged by Kafka -> listing searchable (consumer)", latencies(published, listed));
        latencies.put("certifying commit -> listing searchable", latencies(committed, listed));
        latencies.put("certifying commit -> ListingCreated in event log", latencies(committed, loggedByProduct));
        return new Result(name, count, ratePerSecond, latencies, count / seconds(first, last));
    }

    /** Orders at a fixed rate, observed as producer leads. */
    Result orderToLead(String name, int count, double ratePerSecond) throws Exception {
        List<UUID> orders = new ArrayList<>();
        Map<UUID, Instant> committed = new HashMap<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OrderPlaced order = order(i);
            orders.add(order.orderId());
            events.add(order);
        }
        commitPaced(marketplace, "marketplace-service", events, ratePerSecond,
                (event, at) -> committed.put(((OrderPlaced) event).orderId(), at));
        Map<UUID, Instant> leads = awaitCommits(notification,
                "select source_id as k, pg_xact_commit_timestamp(xmin) as t from lead where kind = 'ORDER' and source_id = any(?)",
                orders, Duration.ofMinutes(5));
        Instant first = committed.values().stream().min(Instant::compareTo).orElseThrow();
        Instant last = leads.values().stream().max(Instant::compareTo).orElseThrow();
        return new Result(name, count, ratePerSecond, Map.of("order commit -> producer lead", latencies(committed, leads)),
                count / seconds(first, last));
    }

    private interface Committed {
        void at(DomainEvent event, Instant at);
    }

    private static void commitPaced(DataSource dataSource, String service, List<DomainEvent> events, double rate,
            Committed committed) throws SQLException {
        String channel = "outbox_" + service.replaceAll("[^A-Za-z0-9]", "_");
        int batch = rate <= 0 ? 100 : 1;
        long interval = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """);
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
            connection.setAutoCommit(false);
            notify.setString(1, channel);
            for (int i = 0; i < events.size(); i += batch) {
                if (interval > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next += interval;
                }
                List<DomainEvent> chunk = events.subList(i, Math.min(events.size(), i + batch));
                for (DomainEvent event : chunk) {
                    EventType<?> type = EventTypes.of(event.getClass());
                    insert.setObject(1, event.eventId());
                    insert.setString(2, type.topic());
                    insert.setString(3, event.subject());
                    insert.setString(4, type.name());
                    insert.setString(5, type.source());
                    insert.setTimestamp(6, Timestamp.from(event.occurredAt()));
                    insert.setString(7, JSON.writeValueAsString(event));
                    insert.addBatch();
                }
                insert.executeBatch();
                notify.executeQuery().close();
                connection.commit();
                Instant now = Instant.now();
                chunk.forEach(event -> committed.at(event, now));
            }
        }
    }

    /**
     * Waits until every key's effect is committed, and returns when each was. A poll asks only for
     * the keys still missing: while a burst is processed the platform shares the cores with these
     * polls, and asking for all 5,000 keys every time cost PostgreSQL about 50 ms a poll.
     */
    private static Map<UUID, Instant> awaitCommits(DataSource dataSource, String sql, List<UUID> keys, Duration timeout)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<UUID, Instant> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>(keys);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, array(connection, sql.contains("text[]") ? "text" : "uuid", missing));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.putIfAbsent(rs.getObject("k", UUID.class), rs.getTimestamp("t").toInstant());
                    }
                }
            }
            missing.removeIf(found::containsKey);
            if (!missing.isEmpty()) {
                Thread.sleep(200);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("only " + found.size() + " of " + keys.size() + " effects within " + timeout);
        }
        return found;
    }

    private static Map<UUID, UUID> pairs(DataSource dataSource, String sql, List<UUID> keys) throws SQLException {
        Map<UUID, UUID> pairs = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, array(connection, "uuid", keys));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pairs.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }
            }
        }
        return pairs;
    }

    private static Array array(Connection connection, String type, List<UUID> keys) throws SQLException {
        return connection.createArrayOf(type, type.equals("text") ? keys.stream().map(UUID::toString).toArray()
                : keys.toArray());
    }

    private static Stats latencies(Map<UUID, Instant> from, Map<UUID, Instant> to) {
        List<Double> millis = new ArrayList<>();
        from.forEach((key, start) -> {
            Instant end = to.get(key);
            if (end != null) {
                millis.add(Duration.between(start, end).toNanos() / 1_000_000.0);
            }
        });
        return Stats.of(millis);
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toNanos() / 1e9);
    }

    private static ProductCertified certified(int i) {
        UUID productId = UUID.randomUUID();
        String province = PROVINCES[i % PROVINCES.length];
        ProductSnapshot product = new ProductSnapshot(productId, UUID.randomUUID(), "Hợp tác xã Thử Tải " + (i % 50),
                "Chè Tân Cương lô " + i, 1 + i % 6, (1 + i % 6) + ".1", "Sản phẩm đo tải", "Câu chuyện sản phẩm",
                "hộp", 100_000 + i % 1000, 10, province, null);
        LocalDate from = LocalDate.now();
        return new ProductCertified(UUID.randomUUID(), Instant.now(), "BENCH-" + productId, UUID.randomUUID(), productId,
                3 + i % 3, 60 + i % 30, "PROVINCE", from, from.plusMonths(36), "QD148-2023", product);
    }

    private static OrderPlaced order(int i) {
        return new OrderPlaced(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Chè Tân Cương lô " + i, UUID.randomUUID(), PROVINCES[i % PROVINCES.length], UUID.randomUUID(),
                "Siêu thị Thử Tải", 100, "hộp", 100_000, 10_000_000, "Hà Nội", null);
    }
}
