package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

import vn.ocop.contracts.catalog.ProductSnapshot;

/**
 * A council certified a product as an OCOP product (3 stars or more).
 *
 * @param certificateNo the public certificate number, verifiable by anyone
 * @param stars 3, 4 or 5
 * @param score the mean of the council members' totals, out of 100
 * @param level the council level that certified it
 * @param ruleSet the rule set the product was scored under, e.g. {@code QD148-2023}
 * @param product the product as it was evaluated
 */
public record ProductCertified(
        UUID eventId,
        Instant occurredAt,
        String certificateNo,
        UUID evaluationId,
        UUID productId,
        int stars,
        double score,
        String level,
        LocalDate validFrom,
        LocalDate validUntil,
        String ruleSet,
        ProductSnapshot product) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
