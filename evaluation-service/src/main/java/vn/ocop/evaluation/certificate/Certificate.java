package vn.ocop.evaluation.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

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
        String status,
        Instant issuedAt) {
}
