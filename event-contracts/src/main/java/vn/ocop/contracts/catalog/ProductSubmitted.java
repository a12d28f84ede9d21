package vn.ocop.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A product was submitted for evaluation.
 *
 * @param submissionId one id per submission: the same product may be submitted again later
 * @param level the council level the producer asked for, as named in the rule set (e.g. COMMUNE, PROVINCE)
 */
public record ProductSubmitted(
        UUID eventId,
        Instant occurredAt,
        UUID productId,
        UUID submissionId,
        String level,
        ProductSnapshot product) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
