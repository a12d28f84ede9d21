/** Buyer leads: orders and demand matches a producer should follow up. */
@NullMarked
package vn.ocop.notification.lead;

import org.jspecify.annotations.NullMarked;
