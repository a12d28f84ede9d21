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
            EvaluationEvents.PRODUCT_CERTIFIED,
            EvaluationEvents.CERTIFICATION_REJECTED,
            MarketplaceEvents.LISTING_CREATED,
            MarketplaceEvents.ORDER_PLACED);

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
