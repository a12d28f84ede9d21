package vn.ocop.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What autovacuum did to the services' tables during a measured run. On a database as young as
 * the benchmark's, it visits the growing tables every few thousand events, and a visit that falls
 * inside a run costs that run: PostgreSQL's CPU, on the cores the chain needs. Which run it lands
 * in is chance, so the report says, under each run, whether it did: the tables whose vacuum or
 * analyze finished during the run ({@code pg_stat_user_tables}' counts before and after) and
 * those autovacuum was still at work on when the run ended ({@code pg_stat_activity}).
 */
final class Autovacuum {

    /** How many times autovacuum has vacuumed and analysed a table. */
    record Visits(long vacuums, long analyzes) {
    }

    /**
     * The tables it finished with during a run ("marketplace listing, outbox_event: vacuum,
     * analyze") and what it was still at work on when the run ended.
     */
    record During(List<String> finished, List<String> unfinished) {

        boolean none() {
            return finished.isEmpty() && unfinished.isEmpty();
        }

        String line() {
            if (none()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            if (!finished.isEmpty()) {
                parts.add("finished " + String.join("; ", finished));
            }
            if (!unfinished.isEmpty()) {
                parts.add("still at work on " + String.join("; ", unfinished));
            }
            return String.join(", ", parts);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("finished", finished);
            json.put("stillAtWork", unfinished);
            return json;
        }
    }

    /** Each service's database, by name. */
    private final Map<String, DataSource> databases;

    Autovacuum(Map<String, DataSource> databases) {
        this.databases = databases;
    }

    /** Autovacuum's visits so far, by database and table. */
    Map<String, Map<String, Visits>> visits() throws SQLException {
        Map<String, Map<String, Visits>> visits = new TreeMap<>();
        for (Map.Entry<String, DataSource> database : databases.entrySet()) {
            Map<String, Visits> tables = new TreeMap<>();
            visits.put(database.getKey(), tables);
            try (Connection connection = database.getValue().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "select relname, autovacuum_count, autoanalyze_count from pg_stat_user_tables")) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new Visits(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return visits;
    }

    /** What autovacuum's workers are doing now, in any database ("marketplace VACUUM ANALYZE listing"). */
    List<String> atWork() throws SQLException {
        List<String> working = new ArrayList<>();
        try (Connection connection = databases.values().iterator().next().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select datname, query from pg_stat_activity
                        where backend_type = 'autovacuum worker' and query like 'autovacuum: %'
                        order by datname, query
                        """)) {
            while (rs.next()) {
                working.add(rs.getString(1) + " " + task(rs.getString(2)));
            }
        }
        return working;
    }

    /** "VACUUM ANALYZE listing" from a worker's activity, "autovacuum: VACUUM ANALYZE public.listing". */
    static String task(String activity) {
        return activity.replaceFirst("^autovacuum: ", "").replace("public.", "");
    }

    /**
     * The tables whose counts grew between two readings, by database and by what grew
     * ("notification event_log, lead: vacuum, analyze"), and the work still going on.
     */
    static During between(Map<String, Map<String, Visits>> before, Map<String, Map<String, Visits>> after,
            List<String> atWork) {
        List<String> finished = new ArrayList<>();
        after.forEach((database, tables) -> {
            Map<String, Visits> was = before.getOrDefault(database, Map.of());
            // What autovacuum did -> the tables it did it to, in the order of the reading.
            Map<String, List<String>> done = new LinkedHashMap<>();
            tables.forEach((table, visits) -> {
                Visits earlier = was.getOrDefault(table, new Visits(0, 0));
                List<String> what = new ArrayList<>();
                if (visits.vacuums() > earlier.vacuums()) {
                    what.add("vacuum");
                }
                if (visits.analyzes() > earlier.analyzes()) {
                    what.add("analyze");
                }
                if (!what.isEmpty()) {
                    done.computeIfAbsent(String.join(", ", what), key -> new ArrayList<>()).add(table);
                }
            });
            done.forEach((what, names) -> finished.add(database + " " + String.join(", ", names) + ": " + what));
        });
        return new During(finished, List.copyOf(atWork));
    }
}
