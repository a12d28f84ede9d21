package vn.ocop.messaging.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.messaging.MessagingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The relay reads pending events with a plain index scan, so the index entries that published
 * events leave behind are marked dead once and skipped afterwards, not rechecked on every read.
 */
class OutboxRelayQueryTest extends MessagingIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void pendingEventsAreReadWithAnIndexScanWhenTheyAreAFewAmongManyPublishedOnes() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // All in one transaction that is rolled back, statistics included: no running relay
            // ever sees these rows.
            connection.setAutoCommit(false);
            try {
                statement.execute(insert(5000));
                statement.execute("update outbox_event set published_at = now() where topic = 'relay-query-test'");
                statement.execute(insert(200));
                // As before autovacuum first analyzes the table: no idea yet how ids follow the rows' order.
                statement.execute("alter table outbox_event alter column id set statistics 0");
                statement.execute("analyze outbox_event");

                String planner = plan(statement);
                OutboxRelay.prepareSession(connection);
                String relay = plan(statement);

                // What the planner picks on its own for a few hundred pending rows (in this shared
                // database it could differ: then there is nothing to show), and what the relay runs.
                assumeThat(planner).doesNotContain("Index Scan using outbox_event_pending");
                assertThat(relay).contains("Index Scan using outbox_event_pending").doesNotContain("Bitmap")
                        .doesNotContain("Seq Scan");
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static String insert(int rows) {
        return """
                insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload)
                select gen_random_uuid(), 'relay-query-test', 'key', 'TestEvent', 'test', now(), '{}'
                from generate_series(1, %d)
                """.formatted(rows);
    }

    private static String plan(Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("explain " + OutboxRelay.PENDING.replace("limit ?", "limit 500"))) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
