/** Events published by marketplace-service on {@code marketplace.listing.v1} (keyed by listing id) and {@code marketplace.order.v1} (keyed by order id). */
@NullMarked
package vn.ocop.contracts.marketplace;

import org.jspecify.annotations.NullMarked;
