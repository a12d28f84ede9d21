/** catalog-service: producers, their products and what they submit for OCOP evaluation. */
@NullMarked
package vn.ocop.catalog;

import org.jspecify.annotations.NullMarked;
