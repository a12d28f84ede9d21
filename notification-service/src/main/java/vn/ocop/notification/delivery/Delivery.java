package vn.ocop.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message on its way to one target.
 *
 * @param endpoint what fails together: {@code smtp} for e-mail, the webhook's {@code scheme://host:port}
 * @param status PENDING (waiting or being retried), SENT, or FAILED (given up)
 */
record Delivery(
        UUID id,
        UUID messageId,
        String recipient,
        Channel channel,
        String target,
        String endpoint,
        String language,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant finishedAt) {
}
