package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A listing changed: new terms from the producer, or a new certificate (stars) for the product.
 */
public record ListingUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID listingId,
        UUID productId,
        UUID producerId,
        String name,
        int group,
        int stars,
        String certificateNo,
        String province,
        String unit,
        long wholesalePriceVnd,
        int minOrderQuantity,
        List<String> changedFields) implements DomainEvent {

    @Override
    public String subject() {
        return listingId.toString();
    }
}
