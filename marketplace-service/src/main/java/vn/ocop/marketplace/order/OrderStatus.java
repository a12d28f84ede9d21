package vn.ocop.marketplace.order;

import java.util.Map;
import java.util.Set;

/**
 * An order's life: PLACED → ACCEPTED → SHIPPED → DELIVERED, or REJECTED by the producer while
 * placed, or CANCELLED by the retailer before it ships.
 */
public enum OrderStatus {
    PLACED,
    ACCEPTED,
    REJECTED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** What can be done to an order, and from which states. */
    public enum Action {
        ACCEPT(OrderStatus.ACCEPTED, Set.of(PLACED)),
        REJECT(OrderStatus.REJECTED, Set.of(PLACED)),
        SHIP(OrderStatus.SHIPPED, Set.of(ACCEPTED)),
        DELIVER(OrderStatus.DELIVERED, Set.of(SHIPPED)),
        CANCEL(OrderStatus.CANCELLED, Set.of(PLACED, ACCEPTED));

        private final OrderStatus target;
        private final Set<OrderStatus> from;

        Action(OrderStatus target, Set<OrderStatus> from) {
            this.target = target;
            this.from = from;
        }

        public OrderStatus target() {
            return target;
        }

        public boolean allowedFrom(OrderStatus status) {
            return from.contains(status);
        }
    }

    static final Map<String, Action> ACTIONS_BY_PATH = Map.of(
            "accept", Action.ACCEPT, "reject", Action.REJECT, "ship", Action.SHIP, "deliver", Action.DELIVER,
            "cancel", Action.CANCEL);
}
