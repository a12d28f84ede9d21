package vn.ocop.notification.dashboard;

/** Names of the dashboard's counters. */
final class Metrics {

    static final String REGISTERED = "products.registered";
    static final String SUBMITTED = "products.submitted";
    static final String CERTIFIED = "products.certified";
    static final String CERTIFIED_STARS = "products.certified.stars.";
    static final String CERTIFIED_LEVEL = "products.certified.level.";
    static final String REJECTED = "products.rejected";
    static final String LISTED = "listings.created";
    static final String LISTED_GROUP = "listings.created.group.";
    static final String ORDERED = "orders.placed";
    static final String ORDERED_VALUE = "orders.value-vnd";

    private Metrics() {
    }
}
