package vn.ocop.notification.inbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One message as stored: its facts, not its text. */
public record InboxMessage(
        UUID id,
        String recipient,
        MessageKind kind,
        JsonNode facts,
        Instant occurredAt,
        @Nullable Instant readAt) {
}
