package vn.ocop.contracts.catalog;

import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;

/** The event types catalog-service publishes. */
public final class CatalogEvents {

    public static final String SOURCE = "/catalog-service";

    public static final EventType<ProductRegistered> PRODUCT_REGISTERED = new EventType<>(
            "vn.ocop.catalog.product-registered.v1", Topics.CATALOG_PRODUCT, SOURCE, ProductRegistered.class);

    public static final EventType<ProductSubmitted> PRODUCT_SUBMITTED = new EventType<>(
            "vn.ocop.catalog.product-submitted.v1", Topics.CATALOG_PRODUCT, SOURCE, ProductSubmitted.class);

    public static final EventType<ProductUpdated> PRODUCT_UPDATED = new EventType<>(
            "vn.ocop.catalog.product-updated.v1", Topics.CATALOG_PRODUCT, SOURCE, ProductUpdated.class);

    public static final EventType<ProductWithdrawn> PRODUCT_WITHDRAWN = new EventType<>(
            "vn.ocop.catalog.product-withdrawn.v1", Topics.CATALOG_PRODUCT, SOURCE, ProductWithdrawn.class);

    private CatalogEvents() {
    }
}
