package vn.ocop.marketplace.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a retailer wants to buy, and whether it still wants it. */
public record PurchaseRequest(
        UUID id,
        UUID retailerId,
        @Nullable Integer productGroup,
        @Nullable String query,
        @Nullable Integer minStars,
        int quantity,
        String unit,
        @Nullable Long maxPriceVnd,
        @Nullable String province,
        @Nullable LocalDate neededBy,
        RequestStatus status,
        Instant createdAt,
        @Nullable Instant closedAt) {

    public enum RequestStatus {
        OPEN,
        FULFILLED,
        CANCELLED,
        EXPIRED
    }

    /** A producer whose listings meet the request. */
    public record Match(UUID producerId, String producerName, java.util.List<UUID> listingIds,
            java.util.List<String> productNames, Instant matchedAt) {
    }
}
