package vn.ocop.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Where PostgreSQL's time goes during a run, from {@code pg_stat_statements} (loaded by the
 * local platform's PostgreSQL): the statements with the most execution time, per database.
 */
final class StatementProfile {

    private final DataSource postgres;

    StatementProfile(DataSource postgres) {
        this.postgres = postgres;
    }

    void reset() throws SQLException {
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The top statements by total execution time since {@link #reset()}, printed and returned. */
    List<Map<String, Object>> top(int limit) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select d.datname, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
                               regexp_replace(s.query, '\\s+', ' ', 'g') as query,
                               sum(s.total_exec_time) over () as all_time
                        from pg_stat_statements s join pg_database d on d.oid = s.dbid
                        where d.datname <> 'postgres'
                        order by s.total_exec_time desc limit %d
                        """.formatted(limit))) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("database", rs.getString("datname"));
                row.put("calls", rs.getLong("calls"));
                row.put("totalMs", Stats.round(rs.getDouble("total_exec_time")));
                row.put("meanMs", Stats.round(rs.getDouble("mean_exec_time")));
                row.put("percentOfAll", Stats.round(100 * rs.getDouble("total_exec_time") / rs.getDouble("all_time")));
                String query = rs.getString("query");
                row.put("query", query.length() > 160 ? query.substring(0, 160) + "…" : query);
                rows.add(row);
            }
        }
        for (Map<String, Object> row : rows) {
            System.out.printf("    %-13s %8d calls %9.0f ms (%4.1f%%) %7.3f ms each  %s%n", row.get("database"), row.get("calls"),
                    row.get("totalMs"), row.get("percentOfAll"), row.get("meanMs"), row.get("query"));
        }
        return rows;
    }
}
