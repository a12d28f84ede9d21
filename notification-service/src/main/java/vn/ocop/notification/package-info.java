/**
 * notification-service: recipients' inboxes with e-mail and webhook delivery, buyer leads for
 * producers, retailers' supply alerts, and the event log and live dashboard for offices.
 */
@NullMarked
package vn.ocop.notification;

import org.jspecify.annotations.NullMarked;
