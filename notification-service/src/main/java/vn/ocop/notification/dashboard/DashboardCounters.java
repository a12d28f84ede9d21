package vn.ocop.notification.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counters per (metric, day, province); a day is a day in Vietnam. */
@Repository
class DashboardCounters {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    DashboardCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String metric, Instant at, @Nullable String province, long amount) {
        jdbc.sql("""
                insert into dashboard_daily (metric, day, province, value) values (?, ?, ?, ?)
                on conflict (metric, day, province) do update set value = dashboard_daily.value + excluded.value
                """)
                .params(metric, LocalDate.ofInstant(at, VIETNAM), province == null ? "" : province, amount)
                .update();
    }

    Map<String, Long> totals(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province) {
        StringBuilder sql = new StringBuilder("select metric, sum(value) as total from dashboard_daily where true");
        java.util.List<Object> params = new java.util.ArrayList<>();
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
}
