package vn.ocop.marketplace.listing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.ListingUpdated;
import vn.ocop.contracts.marketplace.ListingWithdrawn;
import vn.ocop.messaging.inbox.EventBatchHandler;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.messaging.transaction.RoundTrip;

/**
 * Keeps listings in step with certification; nobody creates a listing by hand. Each event adds a
 * fact, then the product's listing is recomputed from all its facts ({@link ListingRules}) and
 * the difference is announced: {@code ListingCreated} when it becomes available (first or
 * again), {@code ListingUpdated} when it changes, {@code ListingWithdrawn} when it stops.
 * Duplicates, late events and replays from the beginning therefore converge on the same listings.
 *
 * <p>Applied a poll at a time ({@link EventBatchHandler}): the batch's facts are written, its
 * products' facts and listings read, and the changed listings written and announced, each in one
 * statement for the whole batch rather than one per event. The locks, the facts' writes and the
 * two reads go to PostgreSQL in one round trip ({@link RoundTrip}). A product with several events
 * in one batch is recomputed once, and only the net difference is announced.
 */
@Service
class ListingProjection implements EventBatchHandler {

    private static final List<EventType<?>> TYPES = List.of(EvaluationEvents.PRODUCT_CERTIFIED,
            EvaluationEvents.CERTIFICATION_REVOKED, EvaluationEvents.CERTIFICATION_EXPIRED,
            CatalogEvents.PRODUCT_SUBMITTED, CatalogEvents.PRODUCT_UPDATED, CatalogEvents.PRODUCT_WITHDRAWN);

    private final JdbcTemplate jdbc;
    private final ListingFacts facts;
    private final Listings listings;
    private final Outbox outbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ListingProjection(JdbcTemplate jdbc, ListingFacts facts, Listings listings, Outbox outbox,
            ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.listings = listings;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public List<EventType<?>> types() {
        return TYPES;
    }

    @Override
    public void handle(List<DomainEvent> events) {
        Set<UUID> products = new LinkedHashSet<>();
        events.forEach(event -> products.add(productId(event)));
        RoundTrip trip = new RoundTrip();
        facts.lock(products, trip);
        facts.record(events, trip);
        Map<UUID, ListingFacts.Known> known = facts.latest(products, trip);
        Map<UUID, Listing> before = listings.findByProducts(products, trip);
        trip.run(jdbc);
        recompute(products, known, before);
    }

    private static UUID productId(DomainEvent event) {
        return switch (event) {
            case ProductCertified e -> e.productId();
            case CertificationRevoked e -> e.productId();
            case CertificationExpired e -> e.productId();
            case ProductSubmitted e -> e.productId();
            case ProductUpdated e -> e.productId();
            case ProductWithdrawn e -> e.productId();
            default -> throw new IllegalArgumentException("not a listing fact: " + event.getClass().getSimpleName());
        };
    }

    /** Recomputes the products' listings from their facts; writes and announces the ones that changed. */
    private void recompute(Set<UUID> products, Map<UUID, ListingFacts.Known> known, Map<UUID, Listing> before) {
        List<ListingRules.Desired> changed = new ArrayList<>();
        for (UUID productId : products) {
            ListingFacts.Known latest = known.get(productId);
            if (latest == null) {
                continue;
            }
            ListingRules.Desired desired = ListingRules.desired(latest.certificate(), latest.product());
            Listing current = before.get(productId);
            if (current == null || !changedFields(current, desired).isEmpty() || current.status() != desired.status()) {
                changed.add(desired);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, Listing> after = listings.saveAll(changed);
        List<DomainEvent> announcements = new ArrayList<>();
        List<Listing> available = new ArrayList<>();
        for (ListingRules.Desired desired : changed) {
            UUID productId = desired.product().productId();
            Listing saved = Objects.requireNonNull(after.get(productId));
            announce(before.get(productId), saved, desired, announcements, available);
        }
        outbox.appendAll(announcements);
        if (!available.isEmpty()) {
            publisher.publishEvent(new ListingsAvailable(available));
        }
    }

    private void announce(@Nullable Listing before, Listing after, ListingRules.Desired desired,
            List<DomainEvent> announcements, List<Listing> available) {
        boolean wasActive = before != null && before.active();
        if (after.active() && !wasActive) {
            announcements.add(new ListingCreated(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
                    after.producerId(), after.producerName(), after.name(), after.productGroup(), after.subgroup(),
                    after.stars(), after.certificateNo(), after.province(), after.unit(), after.wholesalePriceVnd(),
                    after.minOrderQuantity()));
            available.add(after);
        }
        else if (after.active()) {
            announcements.add(new ListingUpdated(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
                    after.producerId(), after.name(), after.productGroup(), after.stars(), after.certificateNo(),
                    after.province(), after.unit(), after.wholesalePriceVnd(), after.minOrderQuantity(),
                    changedFields(Objects.requireNonNull(before), desired)));
            available.add(after);
        }
        else if (wasActive) {
            announcements.add(new ListingWithdrawn(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
                    after.producerId(), after.name(), after.province(), Objects.requireNonNull(after.withdrawnReason()),
                    after.certificateNo()));
        }
    }

    /** The fields a retailer would notice changing. */
    private static List<String> changedFields(Listing before, ListingRules.Desired desired) {
        var p = desired.product();
        List<String> changed = new ArrayList<>();
        compare(changed, "name", before.name(), p.name());
        compare(changed, "stars", before.stars(), desired.stars());
        compare(changed, "certificateNo", before.certificateNo(), desired.certificateNo());
        compare(changed, "validUntil", before.validUntil(), desired.validUntil());
        compare(changed, "wholesalePriceVnd", before.wholesalePriceVnd(), p.wholesalePriceVnd());
        compare(changed, "minOrderQuantity", before.minOrderQuantity(), p.minOrderQuantity());
        compare(changed, "unit", before.unit(), p.unit());
        compare(changed, "description", before.description(), p.description());
        compare(changed, "story", before.story(), p.story());
        compare(changed, "withdrawnReason", before.withdrawnReason(), desired.withdrawnReason());
        return changed;
    }

    private static void compare(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
