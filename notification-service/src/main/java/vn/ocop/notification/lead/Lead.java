package vn.ocop.notification.lead;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A buyer a producer should follow up: who, for what, how much.
 *
 * @param sourceId the order (or purchase request) the lead comes from
 */
public record Lead(
        UUID id,
        UUID producerId,
        LeadKind kind,
        UUID sourceId,
        UUID buyerId,
        String buyerName,
        @Nullable UUID productId,
        @Nullable String productName,
        @Nullable Integer quantity,
        @Nullable String unit,
        @Nullable Long valueVnd,
        LeadStatus status,
        Instant occurredAt) {
}
