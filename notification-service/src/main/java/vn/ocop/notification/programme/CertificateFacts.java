package vn.ocop.notification.programme;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A certificate with the product and producer it belongs to, as this service knows it. */
public record CertificateFacts(
        String certificateNo,
        UUID productId,
        UUID producerId,
        String productName,
        String province,
        @Nullable LocalDate validUntil) {
}
