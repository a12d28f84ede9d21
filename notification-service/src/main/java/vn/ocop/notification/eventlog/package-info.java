/** Every event of every topic, kept as received: the audit trail offices can trust. */
@NullMarked
package vn.ocop.notification.eventlog;

import org.jspecify.annotations.NullMarked;
