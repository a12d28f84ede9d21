package vn.ocop.contracts.marketplace;

import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;

/** The event types marketplace-service publishes. */
public final class MarketplaceEvents {

    public static final String SOURCE = "/marketplace-service";

    public static final EventType<ListingCreated> LISTING_CREATED = new EventType<>(
            "vn.ocop.marketplace.listing-created.v1", Topics.MARKETPLACE_LISTING, SOURCE, ListingCreated.class);

    public static final EventType<OrderPlaced> ORDER_PLACED = new EventType<>(
            "vn.ocop.marketplace.order-placed.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderPlaced.class);

    public static final EventType<ListingUpdated> LISTING_UPDATED = new EventType<>(
            "vn.ocop.marketplace.listing-updated.v1", Topics.MARKETPLACE_LISTING, SOURCE, ListingUpdated.class);

    public static final EventType<ListingWithdrawn> LISTING_WITHDRAWN = new EventType<>(
            "vn.ocop.marketplace.listing-withdrawn.v1", Topics.MARKETPLACE_LISTING, SOURCE, ListingWithdrawn.class);

    public static final EventType<OrderAccepted> ORDER_ACCEPTED = new EventType<>(
            "vn.ocop.marketplace.order-accepted.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderAccepted.class);

    public static final EventType<OrderRejected> ORDER_REJECTED = new EventType<>(
            "vn.ocop.marketplace.order-rejected.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderRejected.class);

    public static final EventType<OrderShipped> ORDER_SHIPPED = new EventType<>(
            "vn.ocop.marketplace.order-shipped.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderShipped.class);

    public static final EventType<OrderDelivered> ORDER_DELIVERED = new EventType<>(
            "vn.ocop.marketplace.order-delivered.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderDelivered.class);

    public static final EventType<OrderCancelled> ORDER_CANCELLED = new EventType<>(
            "vn.ocop.marketplace.order-cancelled.v1", Topics.MARKETPLACE_ORDER, SOURCE, OrderCancelled.class);

    public static final EventType<PurchaseRequestPosted> PURCHASE_REQUEST_POSTED = new EventType<>(
            "vn.ocop.marketplace.purchase-request-posted.v1", Topics.MARKETPLACE_DEMAND, SOURCE, PurchaseRequestPosted.class);

    public static final EventType<PurchaseRequestClosed> PURCHASE_REQUEST_CLOSED = new EventType<>(
            "vn.ocop.marketplace.purchase-request-closed.v1", Topics.MARKETPLACE_DEMAND, SOURCE, PurchaseRequestClosed.class);

    public static final EventType<DemandMatched> DEMAND_MATCHED = new EventType<>(
            "vn.ocop.marketplace.demand-matched.v1", Topics.MARKETPLACE_DEMAND, SOURCE, DemandMatched.class);

    private MarketplaceEvents() {
    }
}
