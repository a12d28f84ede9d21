package vn.ocop.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @TempDir
    Path dataDir;

    /**
     * The local PostgreSQL keeps what it committed through its own crash: the services commit
     * Kafka offsets once their transaction has committed, so a commit that was acknowledged and
     * then lost would be an event lost. Flushing to disk stays off, as for the local broker.
     * Checkpoints come far apart, so that their full-page images seldom slow the event flow.
     */
    @Test
    void postgresqlStartsWithSynchronousCommits() throws Exception {
        Options options = Options.parse(new String[] { "--data-dir=" + dataDir, "--postgres-port=" + freePort() },
                Map.of());
        try (EmbeddedPostgres postgres = Infrastructure.startPostgres(options);
                Connection connection = DriverManager.getConnection(Infrastructure.jdbcUrl(options, "marketplace"),
                        Infrastructure.DB_USER, Infrastructure.DB_PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery("""
                        select name, setting from pg_settings
                        where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'track_commit_timestamp',
                            'checkpoint_timeout', 'max_wal_size')
                        order by name
                        """)) {
            Map<String, String> found = new LinkedHashMap<>();
            while (settings.next()) {
                found.put(settings.getString(1), settings.getString(2));
            }
            assertThat(found).containsExactly(Map.entry("checkpoint_timeout", "900"), Map.entry("fsync", "off"),
                    Map.entry("full_page_writes", "on"), Map.entry("max_wal_size", "4096"),
                    Map.entry("synchronous_commit", "on"), Map.entry("track_commit_timestamp", "on"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
