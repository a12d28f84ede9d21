package vn.ocop.marketplace.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A retailer's order on a listing; price and total (VND) are fixed when it is placed. */
public record Order(
        UUID id,
        UUID retailerId,
        UUID listingId,
        UUID productId,
        UUID producerId,
        String productName,
        int quantity,
        String unit,
        long unitPriceVnd,
        long totalVnd,
        String deliveryProvince,
        String deliveryAddress,
        @Nullable String note,
        String status,
        Instant createdAt) {
}
