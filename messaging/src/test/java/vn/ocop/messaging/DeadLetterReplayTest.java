package vn.ocop.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.messaging.deadletter.DeadLetter;
import vn.ocop.messaging.deadletter.DeadLetterEndpoint;
import vn.ocop.messaging.deadletter.DeadLetters;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §4: a dead letter can be inspected and replayed. Replaying goes through the service's
 * own inbox, so it applies once however often an operator presses the button.
 */
class DeadLetterReplayTest extends MessagingIntegrationTest {

    @Autowired
    DeadLetterEndpoint endpoint;

    private DeadLetter awaitDeadLetter(UUID eventId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> endpoint.deadLetters(1_000).stream()
                        .filter(letter -> eventId.toString().equals(letter.eventId())).toList(),
                        found -> !found.isEmpty())
                .getFirst();
    }

    @Test
    void deadLetterIsInspectedThenReplayedOnceTheCauseIsFixed() {
        ProductRegistered broken = ProductEvents.failingUntilFixed(UUID.randomUUID());
        TestEvents.publish(broken);

        DeadLetter letter = awaitDeadLetter(broken.eventId());
        assertThat(letter.topic()).isEqualTo(deadLetterTopic());
        assertThat(letter.originalTopic()).isEqualTo("catalog.product.v1");
        assertThat(letter.eventType()).isEqualTo(CatalogEvents.PRODUCT_REGISTERED.name());
        assertThat(letter.failure()).contains("the handler is broken");
        assertThat(letter.body()).contains(broken.productId().toString());
        assertThat(applied.timesApplied(broken.eventId())).isZero();

        DeadLetters.Replay stillBroken = endpoint.replay(letter.topic(), letter.partition(), letter.offset());
        assertThat(stillBroken.outcome()).isEqualTo("FAILED");
        assertThat(applied.timesApplied(broken.eventId())).isZero();

        applied.fix();
        DeadLetters.Replay replayed = endpoint.replay(letter.topic(), letter.partition(), letter.offset());
        DeadLetters.Replay again = endpoint.replay(letter.topic(), letter.partition(), letter.offset());

        assertThat(List.of(replayed.outcome(), again.outcome())).containsExactly("APPLIED", "ALREADY_APPLIED");
        assertThat(applied.timesApplied(broken.eventId())).isEqualTo(1);
    }
}
