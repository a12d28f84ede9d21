package vn.ocop.messaging.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import vn.ocop.messaging.MessagingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements of one round trip run in order, in the transaction, and hand over their rows. */
class RoundTripTest extends MessagingIntegrationTest {

    @Test
    void statementsRunInOrderAndSeeWhatTheOnesBeforeWrote() {
        String consumer = "round-trip-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<UUID> inserted = new ArrayList<>();
        List<String> read = new ArrayList<>();
        int[] countedBefore = { -1 };

        Integer stored = transaction().execute(status -> {
            RoundTrip trip = new RoundTrip();
            trip.query("select count(*) from inbox_event where consumer = ?", rs -> countedBefore[0] = rs.getInt(1),
                    consumer);
            trip.query("""
                    insert into inbox_event (consumer, event_id, event_type)
                    select ?, id, 'Test' from unnest(?::uuid[]) as id
                    returning event_id
                    """, rs -> inserted.add(rs.getObject(1, UUID.class)), consumer, new UUID[] { first, second });
            trip.add("update inbox_event set event_type = ? where consumer = ? and event_id = ?;", "Updated", consumer,
                    second);
            trip.query("select event_type from inbox_event where consumer = ? order by event_type",
                    rs -> read.add(rs.getString(1)), consumer);
            assertThat(read).as("rows come once the trip has run").isEmpty();
            trip.run(jdbc);
            assertThat(trip.isEmpty()).isTrue();
            return jdbc.queryForObject("select count(*) from inbox_event where consumer = ?", Integer.class, consumer);
        });

        assertThat(countedBefore[0]).isZero();
        assertThat(inserted).containsExactlyInAnyOrder(first, second);
        assertThat(read).containsExactly("Test", "Updated");
        assertThat(stored).isEqualTo(2);
    }

    @Test
    void aFailingStatementStopsTheTripAndTheTransactionRollsBack() {
        String consumer = "round-trip-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        List<String> after = new ArrayList<>();

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> new RoundTrip()
                .add("insert into inbox_event (consumer, event_id, event_type) values (?, ?, 'Test')", consumer, id)
                .add("insert into inbox_event (consumer, event_id, event_type) values (?, ?, 'Test')", consumer, id)
                .query("select 1", rs -> after.add("ran"))
                .run(jdbc)))
                .isInstanceOf(DataAccessException.class);

        assertThat(after).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from inbox_event where consumer = ?", Integer.class, consumer))
                .isZero();
    }

    @Test
    void aStatementIsAddedOnItsOwn() {
        RoundTrip trip = new RoundTrip();

        assertThatThrownBy(() -> trip.add("select 1; select 2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trip.add("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(trip.isEmpty()).isTrue();
    }

    @Test
    void rowsAreExpectedOnlyFromStatementsThatReturnThem() {
        String consumer = "round-trip-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> new RoundTrip()
                .query("insert into inbox_event (consumer, event_id, event_type) values (?, ?, 'Test')", rs -> {
                }, consumer, UUID.randomUUID())
                .run(jdbc)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected rows");
    }
}
