package vn.ocop.messaging.inbox;

/**
 * Receives every event the service consumes, of any type, before the typed {@link EventHandler}s,
 * in the same transaction and at most once per event.
 */
@FunctionalInterface
public interface IncomingEventHandler {

    void handle(IncomingEvent event);
}
