/** Listings: the retail face of certified products, built from certification events alone. */
@NullMarked
package vn.ocop.marketplace.listing;

import org.jspecify.annotations.NullMarked;
