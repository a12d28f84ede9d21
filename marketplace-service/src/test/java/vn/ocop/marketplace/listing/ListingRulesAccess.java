package vn.ocop.marketplace.listing;

import java.util.UUID;

/** Lets tests of other packages know a product's listing id, as a rebuilt projection would derive it. */
public final class ListingRulesAccess {

    private ListingRulesAccess() {
    }

    public static String listingId(UUID productId) {
        return ListingRules.listingId(productId).toString();
    }
}
