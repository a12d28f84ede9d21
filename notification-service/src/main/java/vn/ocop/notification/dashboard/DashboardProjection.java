package vn.ocop.notification.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.ListingWithdrawn;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.contracts.marketplace.OrderAccepted;
import vn.ocop.contracts.marketplace.OrderCancelled;
import vn.ocop.contracts.marketplace.OrderDelivered;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.contracts.marketplace.OrderRejected;
import vn.ocop.contracts.marketplace.PurchaseRequestClosed;
import vn.ocop.contracts.marketplace.PurchaseRequestPosted;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.notification.programme.CertificateExpired;
import vn.ocop.notification.programme.CertificateFacts;
import vn.ocop.notification.programme.CertificateRevoked;
import vn.ocop.notification.programme.ProductRejected;

/**
 * Moves the dashboard's counters as events arrive, inside each event's inbox transaction, so a
 * redelivered event is never counted twice. Rejections, revocations and expiries name only a
 * product or a certificate: they are counted from the programme's view of them, which knows the
 * province.
 */
@Configuration(proxyBeanMethods = false)
class DashboardProjection {

    private final DashboardCounters counters;

    DashboardProjection(DashboardCounters counters) {
        this.counters = counters;
    }

    @Bean
    EventHandler<ProductRegistered> countRegistration() {
        return EventHandler.on(CatalogEvents.PRODUCT_REGISTERED,
                e -> counters.add(Metrics.REGISTERED, e.occurredAt(), e.originProvince(), 1));
    }

    @Bean
    EventHandler<ProductSubmitted> countSubmission() {
        return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED,
                e -> counters.add(Metrics.SUBMITTED, e.occurredAt(), e.product().originProvince(), 1));
    }

    @Bean
    EventHandler<ProductCertified> countCertification() {
        return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, e -> {
            String province = e.product().originProvince();
            if (counters.firstCertification(e.productId(), e.occurredAt())) {
                counters.add(Metrics.CERTIFIED, e.occurredAt(), province, 1);
            }
            counters.add(Metrics.CERTIFIED_STARS + e.stars(), e.occurredAt(), province, 1);
            counters.add(Metrics.CERTIFIED_LEVEL + e.level(), e.occurredAt(), province, 1);
        });
    }

    @EventListener
    void countRejection(ProductRejected rejected) {
        counters.add(Metrics.REJECTED, rejected.event().occurredAt(), rejected.province(), 1);
    }

    @EventListener
    void countRevocation(CertificateRevoked revoked) {
        CertificateFacts certificate = revoked.certificate();
        counters.add(Metrics.REVOKED, revoked.event().occurredAt(), certificate == null ? null : certificate.province(), 1);
    }

    @EventListener
    void countExpiry(CertificateExpired expired) {
        CertificateFacts certificate = expired.certificate();
        counters.add(Metrics.EXPIRED, expired.event().occurredAt(), certificate == null ? null : certificate.province(), 1);
    }

    @Bean
    EventHandler<ListingCreated> countListing(ActiveListings listings) {
        return EventHandler.on(MarketplaceEvents.LISTING_CREATED, listings::created);
    }

    @Bean
    EventHandler<ListingWithdrawn> countWithdrawal(ActiveListings listings) {
        return EventHandler.on(MarketplaceEvents.LISTING_WITHDRAWN, listings::withdrawn);
    }

    @Bean
    EventHandler<OrderPlaced> countOrder() {
        return EventHandler.on(MarketplaceEvents.ORDER_PLACED, e -> {
            counters.add(Metrics.ORDERED, e.occurredAt(), e.province(), 1);
            counters.add(Metrics.ORDERED_VALUE, e.occurredAt(), e.province(), e.totalVnd());
        });
    }

    @Bean
    EventHandler<OrderAccepted> countAcceptance() {
        return EventHandler.on(MarketplaceEvents.ORDER_ACCEPTED, e -> {
            counters.add(Metrics.ACCEPTED, e.occurredAt(), e.province(), 1);
            counters.add(Metrics.ACCEPTED_VALUE, e.occurredAt(), e.province(), e.totalVnd());
        });
    }

    @Bean
    EventHandler<OrderDelivered> countDelivery() {
        return EventHandler.on(MarketplaceEvents.ORDER_DELIVERED, e -> {
            counters.add(Metrics.DELIVERED, e.occurredAt(), e.province(), 1);
            counters.add(Metrics.DELIVERED_VALUE, e.occurredAt(), e.province(), e.totalVnd());
        });
    }

    @Bean
    EventHandler<OrderRejected> countOrderRejection() {
        return EventHandler.on(MarketplaceEvents.ORDER_REJECTED,
                e -> counters.add(Metrics.ORDER_REJECTED, e.occurredAt(), e.province(), 1));
    }

    @Bean
    EventHandler<OrderCancelled> countCancellation() {
        return EventHandler.on(MarketplaceEvents.ORDER_CANCELLED,
                e -> counters.add(Metrics.CANCELLED, e.occurredAt(), e.province(), 1));
    }

    @Bean
    EventHandler<PurchaseRequestPosted> countPurchaseRequest(PurchaseRequests requests) {
        return EventHandler.on(MarketplaceEvents.PURCHASE_REQUEST_POSTED, requests::posted);
    }

    @Bean
    EventHandler<PurchaseRequestClosed> countClosedRequest(PurchaseRequests requests) {
        return EventHandler.on(MarketplaceEvents.PURCHASE_REQUEST_CLOSED, requests::closed);
    }

    /** A match counts in the province of the matched products (the supply side an office looks after). */
    @Bean
    EventHandler<DemandMatched> countMatch(ActiveListings listings, PurchaseRequests requests) {
        return EventHandler.on(MarketplaceEvents.DEMAND_MATCHED, e -> counters.add(Metrics.MATCHES, e.occurredAt(),
                listings.provinceOf(e.listingIds()).or(() -> requests.provinceOf(e.requestId())).orElse(null), 1));
    }
}
