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

    private MarketplaceEvents() {
    }
}
