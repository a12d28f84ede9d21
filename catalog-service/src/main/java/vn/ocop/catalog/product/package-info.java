/** Products, their lifecycle from draft to certified, and the events that tell the platform. */
@NullMarked
package vn.ocop.catalog.product;

import org.jspecify.annotations.NullMarked;
