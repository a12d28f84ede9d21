package vn.ocop.contracts.marketplace;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A purchase request is closed: fulfilled, cancelled by the retailer, or past its date.
 *
 * @param reason FULFILLED, CANCELLED or EXPIRED
 */
public record PurchaseRequestClosed(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        UUID retailerId,
        String reason) implements DomainEvent {

    @Override
    public String subject() {
        return requestId.toString();
    }
}
