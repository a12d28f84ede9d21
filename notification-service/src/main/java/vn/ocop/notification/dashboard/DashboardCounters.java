package vn.ocop.notification.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.messaging.transaction.TransactionScoped;

/**
 * Counters per (metric, day, province); a day is a day in Vietnam.
 *
 * <p>Inside a transaction the moves are not written one by one: they are summed per counter and
 * written just before commit, in one statement that takes the counter rows in sorted order. A
 * transaction that applies a batch of events then updates each counter row once.
 *
 * <p>Each counter is kept in up to {@value #SHARDS} rows (shards), and every read sums them. A
 * transaction writes all its moves to one shard, chosen at random when it writes: transactions on
 * several consumer threads (or instances) that move the same counters, as they all do (a handful
 * of metrics, today, a few provinces), then mostly update different rows, where with one row per
 * counter each would wait for the others' commits. When two do pick the same shard, they lock the
 * rows they share in the same order, so one waits for the other but they never deadlock.
 */
@Repository
class DashboardCounters {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * When the pending moves are written among the transaction's before-commit work (lower runs
     * first). Before the {@code EventLog} (0), which numbers the events under one advisory lock
     * that every consumer's commit waits for, and the {@code LiveFeed} (1), which works under that
     * lock: written later, the counter rows would be updated (and possibly waited for) while the
     * lock is held, making every other consumer wait too. Written first, no transaction ever waits
     * for a counter row while it holds that lock.
     */
    static final int FLUSH_ORDER = -10;

    /**
     * The rows each counter may be spread over. Enough that the few transactions flushing at the
     * same moment (one per consumer thread and instance) seldom pick the same one; every read sums
     * them, so more shards mean more rows to sum.
     */
    static final int SHARDS = 16;

    private static final String UPSERT = """
            insert into dashboard_daily (metric, day, province, shard, value) values (?, ?, ?, ?, ?)
            on conflict (metric, day, province, shard) do update set value = dashboard_daily.value + excluded.value
            """;

    /**
     * All the pending moves of a transaction in one statement, all in one shard. The rows go in in
     * key order, and PostgreSQL locks each as it inserts or updates it: concurrent flushes that
     * picked the same shard lock the rows they share in the same order. A key appears once, as
     * {@code on conflict do update} requires.
     */
    private static final String UPSERT_ALL = """
            insert into dashboard_daily (metric, day, province, shard, value)
            select metric, day, province, ?::smallint, value
            from unnest(?::text[], ?::date[], ?::text[], ?::bigint[]) as moved (metric, day, province, value)
            order by metric, day, province
            on conflict (metric, day, province, shard) do update set value = dashboard_daily.value + excluded.value
            """;

    /** One counter row. */
    record Key(String metric, LocalDate day, String province) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::metric)
                .thenComparing(Key::day)
                .thenComparing(Key::province);
    }

    /** The moves of the current transaction, not written yet. */
    private static final class Pending {
        final Map<Key, Long> amounts = new TreeMap<>(Key.ORDER);
        /** Written already: a move after that (from another before-commit callback) is written at once. */
        boolean flushed;
    }

    private final JdbcClient jdbc;
    private final LiveFeed live;
    /** The moves of the current transaction; one per bean, not shared across application contexts. */
    private final TransactionScoped<Pending> pendingIn =
            new TransactionScoped<>(Pending::new,
                    pending -> List.of(TransactionScoped.beforeCommit(FLUSH_ORDER, () -> flush(pending))));
    /** Picks the shard of each write; random but for tests that need to know where moves go. */
    private volatile IntSupplier shardChoice = DashboardCounters::randomShard;

    DashboardCounters(JdbcClient jdbc, LiveFeed live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** True the first time a product is certified; later certificates (higher levels, renewals) are not new products. */
    boolean firstCertification(UUID productId, Instant at) {
        return jdbc.sql("""
                insert into dashboard_certified_product (product_id, first_certified_at) values (?, ?)
                on conflict (product_id) do nothing
                """)
                .params(productId, Timestamp.from(at))
                .update() == 1;
    }

    /**
     * Moves a counter, and adds the move to the live stream's message of the event being applied.
     * Inside a transaction the move is written just before commit, with the transaction's other
     * moves (and is lost with them if it rolls back); without one, at once. The live stream's delta
     * is taken now, for the event being applied, and published (by the {@link LiveFeed}) only after
     * commit, as before.
     *
     * <p>Moves belong in the work of the transaction, not in its commit callbacks: a move made by
     * another synchronization's {@code beforeCommit} after the flush is written at once, unsorted;
     * one made there before any other move of the transaction would not be written at all.
     */
    void add(String metric, Instant at, @Nullable String province, long amount) {
        Key key = new Key(metric, LocalDate.ofInstant(at, VIETNAM), province == null ? "" : province);
        Pending pending = pendingIn.current();
        if (pending == null || pending.flushed) {
            jdbc.sql(UPSERT).params(key.metric(), key.day(), key.province(), shard(), amount).update();
        }
        else {
            pending.amounts.merge(key, amount, Math::addExact);
        }
        live.delta(metric, amount);
    }

    /** The shard a write goes to unless a test says otherwise: any, with equal chances. */
    static int randomShard() {
        return ThreadLocalRandom.current().nextInt(SHARDS);
    }

    /** For tests: from now on, writes go to the shard {@code choice} gives (in 0 to {@value #SHARDS} - 1). */
    void chooseShardsWith(IntSupplier choice) {
        this.shardChoice = choice;
    }

    private short shard() {
        return (short) shardChoice.getAsInt();
    }

    /** Writes a transaction's pending moves just before it commits. */
    private void flush(Pending pending) {
        pending.flushed = true;
        write(pending.amounts);
        pending.amounts.clear();
    }

    private void write(Map<Key, Long> amounts) {
        if (amounts.isEmpty()) {
            return;
        }
        int size = amounts.size();
        String[] metrics = new String[size];
        String[] days = new String[size];
        String[] provinces = new String[size];
        long[] values = new long[size];
        int i = 0;
        for (Map.Entry<Key, Long> move : amounts.entrySet()) {
            metrics[i] = move.getKey().metric();
            days[i] = move.getKey().day().toString();
            provinces[i] = move.getKey().province();
            values[i] = move.getValue();
            i++;
        }
        jdbc.sql(UPSERT_ALL).params(shard(), metrics, days, provinces, values).update();
    }

    /** Totals per metric over the days from {@code from} to {@code to} inclusive: every shard of every day. */
    Map<String, Long> totals(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province) {
        StringBuilder sql = new StringBuilder("select metric, sum(value) as total from dashboard_daily where true");
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" and day >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" and day <= ?");
            params.add(to);
        }
        if (province != null) {
            sql.append(" and province = ?");
            params.add(province);
        }
        sql.append(" group by metric");
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> totals.put(rs.getString("metric"), rs.getLong("total")))
                .list();
        return totals;
    }

    /**
     * Totals from the beginning to the end of {@code to} (or now): what is active at that moment,
     * whatever {@code from} says, since a listing stays active until it is withdrawn.
     */
    Map<String, Long> totalsUntil(@Nullable LocalDate to, @Nullable String province) {
        return totals(null, to, province);
    }

    /** Listings active at the end of {@code to} (or now) per province: created minus withdrawn. */
    Map<String, Long> activeListingsByProvince(@Nullable LocalDate to, @Nullable String province) {
        StringBuilder sql = new StringBuilder("""
                select province, sum(case when metric = ? then value else -value end) as active
                from dashboard_daily where metric in (?, ?) and province <> ''
                """);
        List<Object> params = new ArrayList<>(List.of(Metrics.LISTED, Metrics.LISTED, Metrics.WITHDRAWN));
        if (to != null) {
            sql.append(" and day <= ?");
            params.add(to);
        }
        if (province != null) {
            sql.append(" and province = ?");
            params.add(province);
        }
        sql.append(" group by province order by province");
        Map<String, Long> active = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> active.put(rs.getString("province"), rs.getLong("active")))
                .list();
        active.values().removeIf(count -> count == 0);
        return active;
    }
}
