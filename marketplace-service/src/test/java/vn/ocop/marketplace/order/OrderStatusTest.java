package vn.ocop.marketplace.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    /** The whole table of legal moves; everything else is refused. */
    private static final Map<OrderStatus.Action, Set<OrderStatus>> LEGAL = Map.of(
            OrderStatus.Action.ACCEPT, EnumSet.of(OrderStatus.PLACED),
            OrderStatus.Action.REJECT, EnumSet.of(OrderStatus.PLACED),
            OrderStatus.Action.SHIP, EnumSet.of(OrderStatus.ACCEPTED),
            OrderStatus.Action.DELIVER, EnumSet.of(OrderStatus.SHIPPED),
            OrderStatus.Action.CANCEL, EnumSet.of(OrderStatus.PLACED, OrderStatus.ACCEPTED));

    @Test
    void onlyTheMovesOfTheOrderLifeAreAllowed() {
        for (OrderStatus.Action action : OrderStatus.Action.values()) {
            for (OrderStatus status : OrderStatus.values()) {
                assertThat(action.allowedFrom(status)).as("%s from %s", action, status)
                        .isEqualTo(LEGAL.get(action).contains(status));
            }
        }
    }

    @Test
    void finishedOrdersCannotMoveAtAll() {
        for (OrderStatus end : EnumSet.of(OrderStatus.DELIVERED, OrderStatus.REJECTED, OrderStatus.CANCELLED)) {
            for (OrderStatus.Action action : OrderStatus.Action.values()) {
                assertThat(action.allowedFrom(end)).as("%s from %s", action, end).isFalse();
            }
        }
    }

    @Test
    void everyPathSegmentNamesAnAction() {
        assertThat(OrderStatus.ACTIONS_BY_PATH.values()).containsExactlyInAnyOrder(OrderStatus.Action.values());
    }
}
