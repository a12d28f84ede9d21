/** Daily counters per province, kept current by the consumers, behind the office dashboard. */
@NullMarked
package vn.ocop.notification.dashboard;

import org.jspecify.annotations.NullMarked;
