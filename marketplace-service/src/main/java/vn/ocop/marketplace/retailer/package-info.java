/** Retailers: supermarket chains, stores, distributors and online shops that buy OCOP products. */
@NullMarked
package vn.ocop.marketplace.retailer;

import org.jspecify.annotations.NullMarked;
