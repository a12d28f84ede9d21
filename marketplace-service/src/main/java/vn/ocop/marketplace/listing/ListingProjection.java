package vn.ocop.marketplace.listing;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.messaging.outbox.Outbox;

/**
 * Keeps listings in step with certification. Nobody creates a listing by hand: a
 * {@code ProductCertified} creates it (and announces it with {@code ListingCreated}). A
 * certificate older than the one a listing already shows changes nothing, so late and replayed
 * events converge on the latest certificate.
 */
@Service
class ListingProjection {

    private final Listings listings;
    private final Outbox outbox;
    private final Clock clock;

    ListingProjection(Listings listings, Outbox outbox, Clock clock) {
        this.listings = listings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Runs inside the inbox transaction of the event. */
    void certified(ProductCertified certificate) {
        listings.findByProductForUpdate(certificate.productId()).ifPresentOrElse(listing -> {
            if (certificate.occurredAt().isAfter(listing.certifiedAt())) {
                listings.applyCertificate(listing.id(), certificate);
            }
        }, () -> create(certificate));
    }

    private void create(ProductCertified certificate) {
        UUID listingId = UUID.randomUUID();
        listings.insert(listingId, certificate);
        var product = certificate.product();
        outbox.append(new ListingCreated(UUID.randomUUID(), clock.instant(), listingId, product.productId(),
                product.producerId(), product.producerName(), product.name(), product.group(), product.subgroup(),
                certificate.stars(), certificate.certificateNo(), product.originProvince(), product.unit(),
                product.wholesalePriceVnd(), product.minOrderQuantity()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<ProductCertified> listCertifiedProduct(ListingProjection projection) {
            return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, projection::certified);
        }
    }
}
