package vn.ocop.notification.programme;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.evaluation.CertificationExpired;

/** An expiry with the certificate it ends; {@code certificate} is null when this service never saw it nor its product. */
public record CertificateExpired(CertificationExpired event, @Nullable CertificateFacts certificate) {
}
