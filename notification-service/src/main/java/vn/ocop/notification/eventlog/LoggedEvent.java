package vn.ocop.notification.eventlog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event as it travelled, with its CloudEvents attributes and JSON body.
 *
 * @param sequence its number in the log, in the order events were applied (the live stream's event id)
 */
public record LoggedEvent(
        long sequence,
        UUID eventId,
        String type,
        String source,
        @Nullable String subject,
        Instant time,
        String topic,
        @Nullable String province,
        JsonNode body) {
}
