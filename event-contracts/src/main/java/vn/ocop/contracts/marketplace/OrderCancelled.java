package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.DomainEvent;

/**
 * The retailer cancelled an order before it was shipped.
 *
 * @param province the product's province of origin
 * @param totalVnd the order's total in VND, fixed when it was placed
 */
public record OrderCancelled(
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
        long totalVnd,
        @Nullable String reason) implements DomainEvent {

    @Override
    public String subject() {
        return orderId.toString();
    }
}
