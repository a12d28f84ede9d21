/** Purchase requests: what retailers want to buy, matched to the producers whose listings fit. */
@NullMarked
package vn.ocop.marketplace.demand;

import org.jspecify.annotations.NullMarked;
