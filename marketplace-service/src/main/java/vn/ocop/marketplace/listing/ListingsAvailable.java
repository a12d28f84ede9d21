package vn.ocop.marketplace.listing;

import java.util.List;

/**
 * Published inside the transaction (as a Spring application event) when listings become
 * available or change while available, so open purchase requests can be matched against them.
 */
public record ListingsAvailable(List<Listing> listings) {
}
