package vn.ocop.catalog.product;

/** Where a product stands in the OCOP programme, as its producer sees it. */
public enum ProductStatus {
    /** Registered, being prepared; not yet sent to a council. */
    DRAFT,
    /** Sent to a council; the evaluation is under way. */
    SUBMITTED,
    /** Certified as an OCOP product (3 stars or more). */
    CERTIFIED,
    /** The council's decision was fewer than 3 stars; it may be improved and submitted again. */
    REJECTED
}
