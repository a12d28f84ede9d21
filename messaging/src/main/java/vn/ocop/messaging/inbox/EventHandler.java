package vn.ocop.messaging.inbox;

import java.util.function.Consumer;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;

/**
 * Applies one type of event to a service's state. Declared as a bean; the {@link InboxDispatcher}
 * calls it inside the transaction that records the event id, at most once per event.
 */
public interface EventHandler<E extends DomainEvent> {

    EventType<E> type();

    void handle(E event);

    static <E extends DomainEvent> EventHandler<E> on(EventType<E> type, Consumer<? super E> effect) {
        return new EventHandler<>() {
            @Override
            public EventType<E> type() {
                return type;
            }

            @Override
            public void handle(E event) {
                effect.accept(event);
            }
        };
    }
}
