package vn.ocop.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The write-ahead log a measured run wrote, and whether a checkpoint began during it. After a
 * checkpoint begins, the first change to each page writes the whole page to the WAL again (a
 * full-page image): a run that starts just after one pays for thousands of them, on the cores the
 * chain needs. PostgreSQL begins one every {@code checkpoint_timeout} and whenever the WAL written
 * since the last one nears {@code max_wal_size}; which run that lands in is chance, so the report
 * says, under each run, whether it did.
 */
final class Wal {

    /**
     * The cluster's counters at one moment: the WAL's position (exact), its records, full-page
     * images and writes forced by full WAL buffers ({@code pg_stat_wal}, which backends update
     * about once a second), and the checkpoints begun on schedule and on request
     * ({@code pg_stat_checkpointer}; a request is the WAL nearing {@code max_wal_size} or a
     * {@code CHECKPOINT} command).
     */
    record Reading(long position, long records, long fullPageImages, long buffersFull, long timedCheckpoints,
            long requestedCheckpoints) {
    }

    /** What a run wrote: the differences between two readings. */
    record During(long bytes, long records, long fullPageImages, long buffersFull, long timedCheckpoints,
            long requestedCheckpoints) {

        String line() {
            long checkpoints = timedCheckpoints + requestedCheckpoints;
            String began = checkpoints == 0 ? "no checkpoint began"
                    : "%d checkpoint%s began (%d on schedule, %d requested)".formatted(checkpoints,
                            checkpoints == 1 ? "" : "s", timedCheckpoints, requestedCheckpoints);
            return "%.1f MB, %,d records, %,d full-page images, WAL buffers full %,d times; %s".formatted(
                    bytes / 1e6, records, fullPageImages, buffersFull, began);
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("bytes", bytes);
            json.put("records", records);
            json.put("fullPageImages", fullPageImages);
            json.put("buffersFull", buffersFull);
            json.put("checkpointsOnSchedule", timedCheckpoints);
            json.put("checkpointsRequested", requestedCheckpoints);
            return json;
        }
    }

    private final DataSource database;

    Wal(DataSource database) {
        this.database = database;
    }

    Reading read() throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, w.wal_records, w.wal_fpi,
                               w.wal_buffers_full, c.num_timed, c.num_requested
                        from pg_stat_wal w, pg_stat_checkpointer c
                        """)) {
            rs.next();
            return new Reading(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6));
        }
    }

    static During between(Reading before, Reading after) {
        return new During(after.position() - before.position(), after.records() - before.records(),
                after.fullPageImages() - before.fullPageImages(), after.buffersFull() - before.buffersFull(),
                after.timedCheckpoints() - before.timedCheckpoints(),
                after.requestedCheckpoints() - before.requestedCheckpoints());
    }
}
