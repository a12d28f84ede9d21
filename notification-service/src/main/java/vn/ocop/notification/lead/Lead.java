package vn.ocop.notification.lead;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.ConflictException;

/**
 * A buyer a producer should follow up: who, for what, how much.
 *
 * @param sourceId the order (or purchase request) the lead comes from
 * @param valueVnd an order's total; for a demand match, the most the buyer would pay (quantity
 *        times its maximum price), when it named one
 */
public record Lead(
        UUID id,
        UUID producerId,
        LeadKind kind,
        UUID sourceId,
        UUID buyerId,
        String buyerName,
        @Nullable UUID productId,
        @Nullable String productName,
        @Nullable Integer quantity,
        @Nullable String unit,
        @Nullable Long valueVnd,
        LeadStatus status,
        Instant occurredAt,
        @Nullable Instant statusChangedAt) {

    /** The move is not allowed from the lead's status: 409. */
    static final class IllegalMove extends ConflictException {
        IllegalMove(Lead lead, LeadStatus target) {
            super("illegal-lead-status", "Lead " + lead.id() + " is " + lead.status() + " and cannot become " + target);
        }
    }

    /** The lead with a new status; the same status again changes nothing. */
    Lead moveTo(LeadStatus target, Instant at) {
        if (target == status) {
            return this;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalMove(this, target);
        }
        return new Lead(id, producerId, kind, sourceId, buyerId, buyerName, productId, productName, quantity, unit,
                valueVnd, target, occurredAt, at);
    }
}
