package vn.ocop.marketplace.listing;

/**
 * Published inside the transaction (as a Spring application event) when a listing becomes
 * available or changes while available, so open purchase requests can be matched against it.
 */
public record ListingAvailable(Listing listing) {
}
