/** Retailers' saved searches for new supply: a matching new listing alerts them. */
@NullMarked
package vn.ocop.notification.subscription;

import org.jspecify.annotations.NullMarked;
