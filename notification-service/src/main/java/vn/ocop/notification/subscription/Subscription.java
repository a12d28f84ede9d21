package vn.ocop.notification.subscription;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A retailer's saved search for new supply; every criterion given must hold.
 *
 * @param query words that must all appear in the product's or producer's name, with or without diacritics
 * @param email where alerts go instead of the retailer's registered e-mail
 * @param webhookUrl where alerts go instead of the retailer's registered webhook (signed with the retailer's secret)
 */
public record Subscription(
        UUID id,
        UUID retailerId,
        @Nullable Integer group,
        @Nullable String province,
        @Nullable Integer minStars,
        @Nullable String query,
        @Nullable String email,
        @Nullable String webhookUrl,
        Instant createdAt) {
}
