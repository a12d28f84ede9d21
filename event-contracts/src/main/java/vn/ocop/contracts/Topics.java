package vn.ocop.contracts;

/** The topics of DESIGN §3: one per aggregate stream, keyed by the aggregate id. */
public final class Topics {

    public static final String CATALOG_PRODUCT = "catalog.product.v1";
    public static final String EVALUATION_CERTIFICATION = "evaluation.certification.v1";
    public static final String MARKETPLACE_LISTING = "marketplace.listing.v1";
    public static final String MARKETPLACE_ORDER = "marketplace.order.v1";
    public static final String MARKETPLACE_DEMAND = "marketplace.demand.v1";

    private Topics() {
    }
}
