package vn.ocop.marketplace.listing;

/** Only active listings are found in search and can be ordered. */
public enum ListingStatus {
    ACTIVE,
    WITHDRAWN
}
