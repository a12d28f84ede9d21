package vn.ocop.notification.eventlog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One event as it travelled, with its CloudEvents attributes and JSON body. */
public record LoggedEvent(
        UUID eventId,
        String type,
        String source,
        @Nullable String subject,
        Instant time,
        String topic,
        @Nullable String province,
        JsonNode body) {
}
