package vn.ocop.messaging.inbox;

import java.util.List;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;

/**
 * Applies events of some types a batch at a time: the {@link InboxDispatcher} calls it once per
 * poll, inside the poll's transaction and after the poll's per-event handlers, with that poll's
 * new events of its types (duplicates already left out) in the order they were read. Declared as
 * a bean. For projections whose work per event is mostly round trips to the database: a batch
 * can read and write all its rows in a few statements.
 *
 * <p>A type is handled either by one batch handler or by {@link EventHandler}s, not both. When a
 * batch handler throws, the poll is applied again one record at a time, so a handler also sees
 * batches of one; the record that fails then is retried and dead-lettered alone.
 */
public interface EventBatchHandler {

    /** The event types this handler applies. */
    List<EventType<?>> types();

    /** Applies the events, in the order read, within the current transaction. */
    void handle(List<DomainEvent> events);
}
