package vn.ocop.notification.dashboard;

/** Names of the dashboard's counters; also the keys of the deltas the live stream carries. */
final class Metrics {

    static final String REGISTERED = "products.registered";
    static final String SUBMITTED = "products.submitted";
    static final String CERTIFIED = "products.certified";
    static final String CERTIFIED_STARS = "products.certified.stars.";
    static final String CERTIFIED_LEVEL = "products.certified.level.";
    static final String REJECTED = "products.rejected";
    static final String REVOKED = "products.revoked";
    static final String EXPIRED = "products.expired";
    static final String LISTED = "listings.created";
    static final String LISTED_GROUP = "listings.created.group.";
    static final String WITHDRAWN = "listings.withdrawn";
    static final String WITHDRAWN_GROUP = "listings.withdrawn.group.";
    static final String ORDERED = "orders.placed";
    static final String ORDERED_VALUE = "orders.value-vnd";
    static final String ACCEPTED = "orders.accepted";
    static final String ACCEPTED_VALUE = "orders.accepted.value-vnd";
    static final String DELIVERED = "orders.delivered";
    static final String DELIVERED_VALUE = "orders.delivered.value-vnd";
    static final String ORDER_REJECTED = "orders.rejected";
    static final String CANCELLED = "orders.cancelled";
    static final String REQUESTS_POSTED = "demand.requests.posted";
    static final String REQUESTS_CLOSED = "demand.requests.closed";
    static final String MATCHES = "demand.matches";

    private Metrics() {
    }
}
