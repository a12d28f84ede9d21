package vn.ocop.marketplace.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.ConflictException;

/** A retailer's order on a listing; price and total (VND) are fixed when it is placed. */
public record Order(
        UUID id,
        UUID retailerId,
        String retailerName,
        UUID listingId,
        UUID productId,
        UUID producerId,
        String productName,
        String province,
        int quantity,
        String unit,
        long unitPriceVnd,
        long totalVnd,
        String deliveryProvince,
        String deliveryAddress,
        @Nullable String note,
        OrderStatus status,
        @Nullable String statusReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The move is not possible from the order's current state. */
    static final class IllegalTransition extends ConflictException {
        IllegalTransition(Order order, OrderStatus.Action action) {
            super("illegal-order-transition", "Order " + order.id() + " is " + order.status() + " and cannot be "
                    + action.target().name().toLowerCase());
        }
    }

    /** The order after the action, or {@link IllegalTransition}. */
    Order apply(OrderStatus.Action action, @Nullable String reason) {
        if (!action.allowedFrom(status)) {
            throw new IllegalTransition(this, action);
        }
        return new Order(id, retailerId, retailerName, listingId, productId, producerId, productName, province, quantity,
                unit, unitPriceVnd, totalVnd, deliveryProvince, deliveryAddress, note, action.target(), reason,
                createdAt, updatedAt);
    }
}
