package vn.ocop.notification.programme;

import java.time.Instant;

/**
 * A certificate's validity ends soon and no renewal arrived: the producer should apply for
 * re-evaluation. Published once per certificate by {@link ExpiryWatch}.
 *
 * @param daysLeft days from today (in Vietnam) to the last valid day
 */
public record CertificateExpiring(CertificateFacts certificate, long daysLeft, Instant noticedAt) {
}
