package vn.ocop.notification.eventlog;

import java.util.Map;
import java.util.UUID;

/**
 * What the live dashboard adds to the events a transaction logs: the counters each of them moved,
 * written with the events themselves rather than by an update of their rows afterwards.
 */
public interface EventDeltas {

    /**
     * The counters the current transaction's events moved, by event, each as a JSON object of
     * counter to amount (events that moved none may be left out). Called once per transaction, as
     * its events are written just before it commits; moves made after that are not recorded.
     */
    Map<UUID, String> take();
}
