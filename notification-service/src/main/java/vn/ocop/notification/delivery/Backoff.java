package vn.ocop.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: after the n-th consecutive failure wait between half and all
 * of {@code initial · 2^(n-1)}, capped at {@code max}. The jitter spreads retries of many
 * deliveries that failed together, so they do not return together.
 */
record Backoff(Duration initial, Duration max) {

    Duration after(int failures) {
        return jittered(ceiling(failures), ThreadLocalRandom.current().nextDouble());
    }

    /** The longest wait after {@code failures} consecutive failures. */
    Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    static Duration jittered(Duration ceiling, double random) {
        long half = ceiling.toMillis() / 2;
        return Duration.ofMillis(half + (long) (random * (ceiling.toMillis() - half)));
    }
}
