/** marketplace-service: where retailers and supermarkets find, and order, certified OCOP products. */
@NullMarked
package vn.ocop.marketplace;

import org.jspecify.annotations.NullMarked;
