package vn.ocop.catalog.producer;

/** The kinds of OCOP subject that may register products. */
public enum ProducerType {
    ENTERPRISE,
    COOPERATIVE,
    COOPERATIVE_GROUP,
    HOUSEHOLD_BUSINESS
}
