/** Events published by marketplace-service on {@code marketplace.listing.v1} (keyed by listing id), {@code marketplace.order.v1} (keyed by order id) and {@code marketplace.demand.v1} (keyed by purchase request id). */
@NullMarked
package vn.ocop.contracts.marketplace;

import org.jspecify.annotations.NullMarked;
