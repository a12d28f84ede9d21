package vn.ocop.marketplace.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A certified product as retailers see it: what it is, who makes it, its stars and terms. A
 * withdrawn listing keeps its page, saying why it is unavailable.
 */
public record Listing(
        UUID id,
        UUID productId,
        UUID producerId,
        String producerName,
        String name,
        int productGroup,
        String subgroup,
        @Nullable String description,
        @Nullable String story,
        String unit,
        long wholesalePriceVnd,
        int minOrderQuantity,
        String province,
        @Nullable String commune,
        int stars,
        double score,
        String certificateNo,
        LocalDate validUntil,
        Instant certifiedAt,
        ListingStatus status,
        @Nullable String withdrawnReason,
        @Nullable Instant withdrawnAt,
        Instant createdAt,
        Instant updatedAt) {

    public boolean active() {
        return status == ListingStatus.ACTIVE;
    }
}
