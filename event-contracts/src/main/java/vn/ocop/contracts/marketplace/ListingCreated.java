package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/** A certified product became a listing that retailers can find and order. */
public record ListingCreated(
        UUID eventId,
        Instant occurredAt,
        UUID listingId,
        UUID productId,
        UUID producerId,
        String producerName,
        String name,
        int group,
        String subgroup,
        int stars,
        String certificateNo,
        String province,
        String unit,
        long wholesalePriceVnd,
        int minOrderQuantity) implements DomainEvent {

    @Override
    public String subject() {
        return listingId.toString();
    }
}
