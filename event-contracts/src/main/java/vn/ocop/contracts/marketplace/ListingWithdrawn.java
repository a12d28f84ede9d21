package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.DomainEvent;

/**
 * A listing is no longer offered: its certificate was revoked or expired, or the producer withdrew the product.
 *
 * @param reason CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED or PRODUCT_WITHDRAWN
 */
public record ListingWithdrawn(
        UUID eventId,
        Instant occurredAt,
        UUID listingId,
        UUID productId,
        UUID producerId,
        String name,
        String province,
        String reason,
        @Nullable String certificateNo) implements DomainEvent {

    @Override
    public String subject() {
        return listingId.toString();
    }
}
