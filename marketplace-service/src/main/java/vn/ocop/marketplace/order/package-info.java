/** Orders placed by retailers on listings. */
@NullMarked
package vn.ocop.marketplace.order;

import org.jspecify.annotations.NullMarked;
