package vn.ocop.notification.delivery;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void waitDoublesWithEveryFailureUpToTheMaximum() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.ceiling(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @RepeatedTest(20)
    void jitterKeepsEveryWaitBetweenHalfAndAllOfItsCeiling() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration wait = backoff.after(failures);
            Duration ceiling = backoff.ceiling(failures);
            assertThat(wait).isBetween(ceiling.dividedBy(2), ceiling);
        }
    }

    @Test
    void jitterSpreadsOverTheWholeUpperHalf() {
        assertThat(Backoff.jittered(Duration.ofSeconds(10), 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.jittered(Duration.ofSeconds(10), 0.999_9)).isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
    }
}
