package vn.ocop.notification.recipient;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How a recipient wants to hear from us besides the inbox.
 *
 * @param webhookSecret signs webhook bodies; never shown after it was first returned
 */
public record Channels(
        Recipient recipient,
        @Nullable String email,
        @Nullable String webhookUrl,
        @Nullable String webhookSecret,
        Language language,
        Instant updatedAt) {
}
