package vn.ocop.messaging.transaction;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.messaging.MessagingIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Key locks are held by the transaction, once per key, and released at its end. */
class KeyLocksTest extends MessagingIntegrationTest {

    @Autowired
    JdbcClient client;

    @Test
    void eachKeyIsLockedOnceUntilTheTransactionEnds() {
        KeyLocks locks = new KeyLocks(client, "test:", 3);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        Integer heldInside = transaction().execute(status -> {
            locks.lock(List.of(a, b, a));
            locks.lock(List.of(b, c));
            return heldByMe();
        });

        assertThat(heldInside).isEqualTo(3);
        Boolean free = transaction().execute(status -> client
                .sql("select pg_try_advisory_xact_lock(hashtextextended('test:' || ?::text, 3))").param(a.toString())
                .query(Boolean.class).single());
        assertThat(free).isTrue();
    }

    @Test
    void aRoundTripTakesTheLocksBeforeItsOtherStatements() {
        KeyLocks locks = new KeyLocks(client, "test:", 3);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        int[] heldDuringTrip = { -1 };

        Integer heldAfter = transaction().execute(status -> {
            locks.lock(List.of(a));
            RoundTrip trip = new RoundTrip();
            locks.lock(List.of(a, b, b), trip);
            trip.query("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()",
                    rs -> heldDuringTrip[0] = rs.getInt(1));
            trip.run(jdbc);
            locks.lock(List.of(b));
            return heldByMe();
        });

        assertThat(heldDuringTrip[0]).isEqualTo(2);
        assertThat(heldAfter).isEqualTo(2);
    }

    private int heldByMe() {
        return client.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()")
                .query(Integer.class).single();
    }
}
