package vn.ocop.catalog.product;

/** Where a product stands in the OCOP programme, as its producer sees it. */
public enum ProductStatus {
    /** Registered, being prepared; not yet sent to a council. */
    DRAFT,
    /** Sent to a council; the evaluation is under way (a certificate it already holds stands meanwhile). */
    SUBMITTED,
    /** Certified as an OCOP product (3 stars or more). */
    CERTIFIED,
    /** The council's decision was fewer than 3 stars; it may be improved and submitted again. */
    REJECTED,
    /** An office revoked its certificate; it may be submitted again. */
    REVOKED,
    /** Its certificate ran out without a renewal; it may be submitted again. */
    EXPIRED,
    /** The producer withdrew it from the programme: it is no longer offered, edited or evaluated. */
    WITHDRAWN
}
