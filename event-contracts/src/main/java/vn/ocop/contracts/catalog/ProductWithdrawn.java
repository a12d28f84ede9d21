package vn.ocop.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.DomainEvent;

/**
 * A producer withdrew a product from the programme: it is no longer offered or evaluated.
 */
public record ProductWithdrawn(
        UUID eventId,
        Instant occurredAt,
        UUID productId,
        UUID producerId,
        @Nullable String reason) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
