/** Who notification speaks to (producer, retailer, office) and how each wants to hear: e-mail, webhook, language. */
@NullMarked
package vn.ocop.notification.recipient;

import org.jspecify.annotations.NullMarked;
