package vn.ocop.evaluation.certificate;

/** Where a certificate stands; only an ACTIVE certificate makes an OCOP product. */
public enum CertificateStatus {
    ACTIVE,
    /** Withdrawn by an office before its expiry. */
    REVOKED,
    /** Its validity ran out without a renewal. */
    EXPIRED,
    /** A newer certificate of the same product replaced it: a renewal or a higher level's stars. */
    SUPERSEDED
}
