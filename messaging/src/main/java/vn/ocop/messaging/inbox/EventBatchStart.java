package vn.ocop.messaging.inbox;

import java.util.List;

import vn.ocop.contracts.DomainEvent;

/**
 * Told of a poll's new events (duplicates left out, in the order read) inside the poll's
 * transaction, before any handler applies them. Declared as a bean. For work that must see the
 * whole batch first: taking the locks its handlers will need in one fixed order, so two
 * transactions that share keys cannot each hold a lock the other waits for.
 */
@FunctionalInterface
public interface EventBatchStart {

    void beforeBatch(List<DomainEvent> events);
}
