package vn.ocop.marketplace.listing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

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
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.messaging.outbox.Outbox;

/**
 * Keeps listings in step with certification; nobody creates a listing by hand. Each event adds a
 * fact, then the product's listing is recomputed from all its facts ({@link ListingRules}) and
 * the difference is announced: {@code ListingCreated} when it becomes available (first or
 * again), {@code ListingUpdated} when it changes, {@code ListingWithdrawn} when it stops.
 * Duplicates, late events and replays from the beginning therefore converge on the same listings.
 */
@Service
class ListingProjection {

    private final ListingFacts facts;
    private final Listings listings;
    private final Outbox outbox;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ListingProjection(ListingFacts facts, Listings listings, Outbox outbox, ApplicationEventPublisher publisher,
            Clock clock) {
        this.facts = facts;
        this.listings = listings;
        this.outbox = outbox;
        this.publisher = publisher;
        this.clock = clock;
    }

    void certified(ProductCertified event) {
        facts.lock(event.productId());
        facts.certified(event);
        recompute(event.productId());
    }

    void revoked(CertificationRevoked event) {
        facts.lock(event.productId());
        facts.ended(event.certificateNo(), event.productId(), ListingFacts.CertificateStatus.REVOKED, event.occurredAt());
        recompute(event.productId());
    }

    void expired(CertificationExpired event) {
        facts.lock(event.productId());
        facts.ended(event.certificateNo(), event.productId(), ListingFacts.CertificateStatus.EXPIRED, event.occurredAt());
        recompute(event.productId());
    }

    void submitted(ProductSubmitted event) {
        facts.lock(event.productId());
        facts.terms(event.product(), event.occurredAt());
        recompute(event.productId());
    }

    void updated(ProductUpdated event) {
        facts.lock(event.productId());
        facts.terms(event.product(), event.occurredAt());
        recompute(event.productId());
    }

    void withdrawn(ProductWithdrawn event) {
        facts.lock(event.productId());
        facts.withdrawn(event.productId(), event.occurredAt(), event.reason());
        recompute(event.productId());
    }

    private void recompute(UUID productId) {
        Optional<ListingFacts.Certificate> certificate = facts.latestCertificate(productId);
        if (certificate.isEmpty()) {
            return;
        }
        ListingRules.Desired desired = ListingRules.desired(certificate.get(), facts.product(productId).orElse(null));
        Listing before = listings.findByProduct(productId).orElse(null);
        if (before != null && changedFields(before, desired).isEmpty() && before.status() == desired.status()) {
            return;
        }
        Listing after = listings.save(desired);
        announce(before, after, desired);
    }

    private void announce(@Nullable Listing before, Listing after, ListingRules.Desired desired) {
        boolean wasActive = before != null && before.active();
        if (after.active() && !wasActive) {
            outbox.append(new ListingCreated(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
                    after.producerId(), after.producerName(), after.name(), after.productGroup(), after.subgroup(),
                    after.stars(), after.certificateNo(), after.province(), after.unit(), after.wholesalePriceVnd(),
                    after.minOrderQuantity()));
            publisher.publishEvent(new ListingAvailable(after));
        }
        else if (after.active()) {
            outbox.append(new ListingUpdated(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
                    after.producerId(), after.name(), after.productGroup(), after.stars(), after.certificateNo(),
                    after.province(), after.unit(), after.wholesalePriceVnd(), after.minOrderQuantity(),
                    changedFields(before, desired)));
            publisher.publishEvent(new ListingAvailable(after));
        }
        else if (wasActive) {
            outbox.append(new ListingWithdrawn(UUID.randomUUID(), clock.instant(), after.id(), after.productId(),
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

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<ProductCertified> listCertifiedProduct(ListingProjection projection) {
            return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, projection::certified);
        }

        @Bean
        EventHandler<CertificationRevoked> withdrawOnRevocation(ListingProjection projection) {
            return EventHandler.on(EvaluationEvents.CERTIFICATION_REVOKED, projection::revoked);
        }

        @Bean
        EventHandler<CertificationExpired> withdrawOnExpiry(ListingProjection projection) {
            return EventHandler.on(EvaluationEvents.CERTIFICATION_EXPIRED, projection::expired);
        }

        @Bean
        EventHandler<ProductSubmitted> keepSubmittedTerms(ListingProjection projection) {
            return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED, projection::submitted);
        }

        @Bean
        EventHandler<ProductUpdated> refreshTerms(ListingProjection projection) {
            return EventHandler.on(CatalogEvents.PRODUCT_UPDATED, projection::updated);
        }

        @Bean
        EventHandler<ProductWithdrawn> withdrawWithdrawnProduct(ListingProjection projection) {
            return EventHandler.on(CatalogEvents.PRODUCT_WITHDRAWN, projection::withdrawn);
        }
    }
}
