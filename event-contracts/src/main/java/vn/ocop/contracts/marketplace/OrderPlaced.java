package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

import org.jspecify.annotations.Nullable;

/**
 * A retailer ordered from a listing: a buyer lead for the producer.
 *
 * @param unitPriceVnd the listing's wholesale price when the order was placed
 * @param totalVnd quantity times unit price, in VND
 * @param province the product's province of origin (where the producer's office is)
 */
public record OrderPlaced(
        UUID eventId,
        Instant occurredAt,
        UUID orderId,
        UUID listingId,
        UUID productId,
        String productName,
        UUID producerId,
        String province,
        UUID retailerId,
        String retailerName,
        int quantity,
        String unit,
        long unitPriceVnd,
        long totalVnd,
        String deliveryProvince,
        @Nullable String note) implements DomainEvent {

    @Override
    public String subject() {
        return orderId.toString();
    }
}
