package vn.ocop.notification.inbox;

import vn.ocop.notification.recipient.Recipient;

/**
 * A message was added to an inbox: published as an application event inside the transaction that
 * added it, so deliveries are written in that same transaction.
 */
public record MessagePosted(InboxMessage message, Recipient recipient, DeliveryTargets targets) {
}
