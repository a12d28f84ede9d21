package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A certificate reached the end of its validity without a renewal.
 */
public record CertificationExpired(
        UUID eventId,
        Instant occurredAt,
        String certificateNo,
        UUID productId,
        LocalDate expiredOn) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
