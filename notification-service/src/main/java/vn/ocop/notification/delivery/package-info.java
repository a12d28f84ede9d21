/**
 * Delivery of inbox messages by e-mail and signed webhooks: an outbox written with the message,
 * sent afterwards by a worker with retries, exponential back-off per delivery and per endpoint,
 * and a log of every attempt.
 */
@NullMarked
package vn.ocop.notification.delivery;

import org.jspecify.annotations.NullMarked;
