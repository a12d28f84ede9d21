package vn.ocop.notification.programme;

import java.util.UUID;

import vn.ocop.contracts.evaluation.CertificationRejected;

/**
 * A rejection with the product it concerns. Published (as an application event, inside the
 * consumer's transaction) once the product is known, which may be after the rejection arrived.
 */
public record ProductRejected(CertificationRejected event, UUID producerId, String productName, String province) {
}
