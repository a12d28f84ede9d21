package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * The producer accepted an order.
 *
 * @param province the product's province of origin
 * @param totalVnd the order's total in VND, fixed when it was placed
 */
public record OrderAccepted(
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
        long totalVnd) implements DomainEvent {

    @Override
    public String subject() {
        return orderId.toString();
    }
}
