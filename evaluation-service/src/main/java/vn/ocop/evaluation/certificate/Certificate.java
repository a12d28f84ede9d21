package vn.ocop.evaluation.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.ConflictException;

/** An OCOP certificate as anyone may verify it, e.g. from the QR code on a package. */
public record Certificate(
        String certificateNo,
        UUID evaluationId,
        UUID productId,
        String productName,
        String producerName,
        int stars,
        double score,
        String level,
        String ruleSet,
        LocalDate validFrom,
        LocalDate validUntil,
        CertificateStatus status,
        Instant issuedAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable String supersededBy) {

    /** Only an active certificate can be revoked; revoking twice is refused, not repeated. */
    static final class NotActive extends ConflictException {
        NotActive(Certificate certificate) {
            super("certificate-not-active", "Certificate " + certificate.certificateNo() + " is already "
                    + certificate.status() + " and cannot be revoked");
        }
    }

    public static Certificate issued(String number, UUID evaluationId, UUID productId, String productName,
            String producerName, int stars, double score, String level, String ruleSet, LocalDate validFrom,
            LocalDate validUntil, Instant issuedAt) {
        return new Certificate(number, evaluationId, productId, productName, producerName, stars, score, level, ruleSet,
                validFrom, validUntil, CertificateStatus.ACTIVE, issuedAt, null, null, null);
    }

    /** True on a day the certificate vouches for the product: active, and within its validity. */
    public boolean validOn(LocalDate day) {
        return status == CertificateStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    Certificate revoked(String reason, Clock clock) {
        if (status != CertificateStatus.ACTIVE) {
            throw new NotActive(this);
        }
        return ended(CertificateStatus.REVOKED, reason, null, clock.instant());
    }

    Certificate expired(Instant at) {
        return ended(CertificateStatus.EXPIRED, "Validity ended on " + validUntil, null, at);
    }

    public Certificate supersede(String newer, Instant at) {
        return ended(CertificateStatus.SUPERSEDED, "Superseded by " + newer, newer, at);
    }

    private Certificate ended(CertificateStatus newStatus, String reason, @Nullable String newer, Instant at) {
        return new Certificate(certificateNo, evaluationId, productId, productName, producerName, stars, score, level,
                ruleSet, validFrom, validUntil, newStatus, issuedAt, at, reason, newer);
    }
}
