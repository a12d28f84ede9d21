package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * An office revoked a certificate before its expiry; the product is no longer an OCOP product.
 */
public record CertificationRevoked(
        UUID eventId,
        Instant occurredAt,
        String certificateNo,
        UUID productId,
        String reason) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
