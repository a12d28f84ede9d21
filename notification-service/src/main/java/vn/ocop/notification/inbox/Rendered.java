package vn.ocop.notification.inbox;

import vn.ocop.notification.recipient.Language;

/** A message's text in one language. */
public record Rendered(Language language, String title, String body) {
}
