package vn.ocop.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.marketplace.MarketplaceEvents;

/** Every event type of the platform, looked up by CloudEvents type or by record class. */
public final class EventTypes {

    private static final List<EventType<?>> ALL = List.of(
            CatalogEvents.PRODUCT_REGISTERED,
            CatalogEvents.PRODUCT_SUBMITTED,
            CatalogEvents.PRODUCT_UPDATED,
            CatalogEvents.PRODUCT_WITHDRAWN,
            EvaluationEvents.PRODUCT_CERTIFIED,
            EvaluationEvents.CERTIFICATION_REJECTED,
            EvaluationEvents.CERTIFICATION_REVOKED,
            EvaluationEvents.CERTIFICATION_EXPIRED,
            MarketplaceEvents.LISTING_CREATED,
            MarketplaceEvents.LISTING_UPDATED,
            MarketplaceEvents.LISTING_WITHDRAWN,
            MarketplaceEvents.ORDER_PLACED,
            MarketplaceEvents.ORDER_ACCEPTED,
            MarketplaceEvents.ORDER_REJECTED,
            MarketplaceEvents.ORDER_SHIPPED,
            MarketplaceEvents.ORDER_DELIVERED,
            MarketplaceEvents.ORDER_CANCELLED,
            MarketplaceEvents.PURCHASE_REQUEST_POSTED,
            MarketplaceEvents.PURCHASE_REQUEST_CLOSED,
            MarketplaceEvents.DEMAND_MATCHED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @SuppressWarnings("unchecked")
    public static <E extends DomainEvent> EventType<E> of(Class<E> eventClass) {
        EventType<?> type = BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("no event type is registered for " + eventClass.getSimpleName());
        }
        return (EventType<E>) type;
    }
}
