package vn.ocop.messaging.transaction;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL advisory locks on keys (say, products), held until the current transaction ends.
 * Several keys are locked in one statement and in one order (by lock key), so two transactions
 * that share keys cannot each hold one the other waits for; keys the transaction already holds
 * are not asked for again.
 */
public final class KeyLocks {

    private static final String LOCK = """
            select pg_advisory_xact_lock(k) from (
                select distinct hashtextextended(?::text || p::text, ?::bigint) as k
                from unnest(?::uuid[]) as p order by k) keys
            """;

    private final JdbcClient jdbc;
    private final String prefix;
    private final long seed;
    private final TransactionScoped<Set<UUID>> heldIn = TransactionScoped.of(HashSet::new);

    /**
     * @param prefix put before each key: locks of different kinds of key do not meet
     * @param seed the seed of {@code hashtextextended} that turns prefix and key into the lock key
     */
    public KeyLocks(JdbcClient jdbc, String prefix, long seed) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.seed = seed;
    }

    public void lock(Collection<UUID> keys) {
        List<UUID> needed = needed(keys);
        if (!needed.isEmpty()) {
            jdbc.sql(LOCK).params(prefix, seed, needed.toArray(UUID[]::new)).query().listOfRows();
            held(needed);
        }
    }

    /** Adds the locking of the keys not yet held to a round trip, ahead of what it adds next. */
    public void lock(Collection<UUID> keys, RoundTrip trip) {
        List<UUID> needed = needed(keys);
        if (!needed.isEmpty()) {
            trip.add(LOCK, prefix, seed, needed.toArray(UUID[]::new));
            held(needed);
        }
    }

    private List<UUID> needed(Collection<UUID> keys) {
        Set<UUID> held = heldIn.current();
        return keys.stream().distinct().filter(key -> held == null || !held.contains(key)).toList();
    }

    private void held(List<UUID> keys) {
        Set<UUID> held = heldIn.current();
        if (held != null) {
            held.addAll(keys);
        }
    }
}
