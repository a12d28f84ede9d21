package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.DomainEvent;

/**
 * A retailer said what it wants to buy; matching listings' producers will hear of it.
 */
public record PurchaseRequestPosted(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        UUID retailerId,
        String retailerName,
        @Nullable Integer group,
        @Nullable String query,
        @Nullable Integer minStars,
        int quantity,
        String unit,
        @Nullable Long maxPriceVnd,
        @Nullable String province,
        @Nullable LocalDate neededBy) implements DomainEvent {

    @Override
    public String subject() {
        return requestId.toString();
    }
}
