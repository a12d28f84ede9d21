package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A council decided that a product is not (yet) an OCOP product: fewer than 3 stars.
 *
 * @param reasons why, in words a producer can act on
 */
public record CertificationRejected(
        UUID eventId,
        Instant occurredAt,
        UUID evaluationId,
        UUID productId,
        int stars,
        double score,
        String level,
        List<String> reasons) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
