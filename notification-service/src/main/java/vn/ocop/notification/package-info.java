/** notification-service: buyer leads for producers and the live picture of the programme for offices. */
@NullMarked
package vn.ocop.notification;

import org.jspecify.annotations.NullMarked;
