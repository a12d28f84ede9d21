/** Events published by catalog-service on {@code catalog.product.v1}, keyed by product id. */
@NullMarked
package vn.ocop.contracts.catalog;

import org.jspecify.annotations.NullMarked;
