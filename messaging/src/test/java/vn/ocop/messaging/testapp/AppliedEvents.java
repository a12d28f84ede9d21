package vn.ocop.messaging.testapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.ocop.contracts.EventType;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.messaging.inbox.EventHandler;

/**
 * The test service's effect of a {@link ProductRegistered}: a row in {@code applied_event}. A
 * product named {@value #ALWAYS_FAILS} makes the handler throw after writing its row, as a
 * handler with a bug would, every time.
 */
@Component
public class AppliedEvents implements EventHandler<ProductRegistered> {

    public static final String ALWAYS_FAILS = "always fails";

    /** A product whose handling fails until {@link #fix()} is called, like a bug that gets fixed. */
    public static final String FAILS_UNTIL_FIXED = "fails until fixed";

    private volatile boolean fixed;

    private final JdbcTemplate jdbc;
    // In memory on purpose: a failed attempt's database writes are rolled back.
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    AppliedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EventType<ProductRegistered> type() {
        return CatalogEvents.PRODUCT_REGISTERED;
    }

    @Override
    public void handle(ProductRegistered event) {
        attempts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
        jdbc.update("insert into applied_event (event_id, product_id) values (?, ?)", event.eventId(), event.productId());
        if (FAILS_UNTIL_FIXED.equals(event.name()) && !fixed) {
            throw new IllegalStateException("the handler is broken for product " + event.productId());
        }
        if (ALWAYS_FAILS.equals(event.name())) {
            throw new IllegalStateException("the handler fails for product " + event.productId());
        }
    }

    public void fix() {
        fixed = true;
    }

    /** How many times the handler was called for an event, whether the call committed or not. */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** How many committed effects an event has. */
    public int timesApplied(UUID eventId) {
        Integer count = jdbc.queryForObject("select count(*) from applied_event where event_id = ?", Integer.class, eventId);
        return count == null ? 0 : count;
    }
}
