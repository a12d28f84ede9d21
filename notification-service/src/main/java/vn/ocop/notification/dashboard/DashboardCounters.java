package vn.ocop.notification.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counters per (metric, day, province); a day is a day in Vietnam. */
@Repository
class DashboardCounters {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final LiveFeed live;

    DashboardCounters(JdbcClient jdbc, LiveFeed live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    /** Moves a counter, and adds the move to the live stream's message of the event being applied. */
    /** True the first time a product is certified; later certificates (higher levels, renewals) are not new products. */
    boolean firstCertification(UUID productId, Instant at) {
        return jdbc.sql("""
                insert into dashboard_certified_product (product_id, first_certified_at) values (?, ?)
                on conflict (product_id) do nothing
                """)
                .params(productId, Timestamp.from(at))
                .update() == 1;
    }

    void add(String metric, Instant at, @Nullable String province, long amount) {
        jdbc.sql("""
                insert into dashboard_daily (metric, day, province, value) values (?, ?, ?, ?)
                on conflict (metric, day, province) do update set value = dashboard_daily.value + excluded.value
                """)
                .params(metric, LocalDate.ofInstant(at, VIETNAM), province == null ? "" : province, amount)
                .update();
        live.delta(metric, amount);
    }

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
