package vn.ocop.messaging.deadletter;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: what this service could not process, and a way to process it
 * again once the cause is fixed ({@code POST /actuator/deadletters/{topic}/{partition}/{offset}}).
 * Operators only: expose it on a management port that is not public.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetter> deadLetters(@Nullable Integer limit) {
        return deadLetters.list(limit == null ? 100 : Math.clamp(limit, 1, 1_000));
    }

    @WriteOperation
    public DeadLetters.Replay replay(@Selector String topic, @Selector int partition, @Selector long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
