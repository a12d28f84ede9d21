package vn.ocop.notification.programme;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.evaluation.CertificationRevoked;

/**
 * A revocation with the certificate it ends; {@code certificate} is null when this service never
 * saw the certificate nor its product (it may have started after they were issued).
 */
public record CertificateRevoked(CertificationRevoked event, @Nullable CertificateFacts certificate) {
}
