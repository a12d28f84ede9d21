/**
 * Each recipient's inbox: what happened to them, stored as facts and rendered at read time from
 * templates in Vietnamese or English, with read/unread.
 */
@NullMarked
package vn.ocop.notification.inbox;

import org.jspecify.annotations.NullMarked;
