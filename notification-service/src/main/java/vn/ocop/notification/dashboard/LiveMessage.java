package vn.ocop.notification.dashboard;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One event as the live dashboard shows it: what happened and how the counters moved.
 *
 * @param sequence the event's number in the event log: the SSE id, from which a client resumes
 * @param delta counter name to the amount it moved (a count, or VND for the value counters)
 */
record LiveMessage(long sequence, String type, @Nullable String subject, Instant time, @Nullable String province,
        Map<String, Long> delta) {
}
