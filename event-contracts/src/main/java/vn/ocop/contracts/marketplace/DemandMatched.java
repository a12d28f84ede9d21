package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.DomainEvent;

/**
 * A purchase request meets a producer's active listings: one event per request and producer.
 */
public record DemandMatched(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        UUID retailerId,
        String retailerName,
        UUID producerId,
        String producerName,
        List<UUID> listingIds,
        List<String> productNames,
        int quantity,
        String unit,
        @Nullable Long maxPriceVnd,
        @Nullable LocalDate neededBy) implements DomainEvent {

    @Override
    public String subject() {
        return requestId.toString();
    }
}
