package vn.ocop.messaging.deadletter;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record this service could not process, as it lies on its dead-letter topic.
 *
 * @param originalTopic where it was first published
 * @param failure why the last attempt failed, as the binder recorded it
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        Instant deadAt,
        @Nullable String key,
        @Nullable String originalTopic,
        @Nullable String eventType,
        @Nullable String eventId,
        @Nullable String failure,
        String body) {
}
