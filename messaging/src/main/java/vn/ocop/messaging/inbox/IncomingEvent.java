package vn.ocop.messaging.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Any event as it arrived, known type or not: for consumers that keep every event (an audit log).
 *
 * @param body the JSON body exactly as received
 */
public record IncomingEvent(
        UUID id,
        String type,
        String source,
        @Nullable String subject,
        @Nullable Instant time,
        String topic,
        String body) {
}
