package vn.ocop.notification.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.messaging.inbox.EventHandler;

/**
 * Moves the dashboard's counters as events arrive, inside each event's inbox transaction, so a
 * redelivered event is never counted twice.
 */
@Configuration(proxyBeanMethods = false)
class DashboardProjection {

    @Bean
    EventHandler<ProductRegistered> countRegistration(DashboardCounters counters) {
        return EventHandler.on(CatalogEvents.PRODUCT_REGISTERED,
                e -> counters.add(Metrics.REGISTERED, e.occurredAt(), e.originProvince(), 1));
    }

    @Bean
    EventHandler<ProductSubmitted> countSubmission(DashboardCounters counters) {
        return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED,
                e -> counters.add(Metrics.SUBMITTED, e.occurredAt(), e.product().originProvince(), 1));
    }

    @Bean
    EventHandler<ProductCertified> countCertification(DashboardCounters counters) {
        return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, e -> {
            String province = e.product().originProvince();
            counters.add(Metrics.CERTIFIED, e.occurredAt(), province, 1);
            counters.add(Metrics.CERTIFIED_STARS + e.stars(), e.occurredAt(), province, 1);
            counters.add(Metrics.CERTIFIED_LEVEL + e.level(), e.occurredAt(), province, 1);
        });
    }

    @Bean
    EventHandler<CertificationRejected> countRejection(DashboardCounters counters) {
        return EventHandler.on(EvaluationEvents.CERTIFICATION_REJECTED,
                e -> counters.add(Metrics.REJECTED, e.occurredAt(), null, 1));
    }

    @Bean
    EventHandler<ListingCreated> countListing(DashboardCounters counters) {
        return EventHandler.on(MarketplaceEvents.LISTING_CREATED, e -> {
            counters.add(Metrics.LISTED, e.occurredAt(), e.province(), 1);
            counters.add(Metrics.LISTED_GROUP + e.group(), e.occurredAt(), e.province(), 1);
        });
    }

    @Bean
    EventHandler<OrderPlaced> countOrder(DashboardCounters counters) {
        return EventHandler.on(MarketplaceEvents.ORDER_PLACED, e -> {
            counters.add(Metrics.ORDERED, e.occurredAt(), e.province(), 1);
            counters.add(Metrics.ORDERED_VALUE, e.occurredAt(), e.province(), e.totalVnd());
        });
    }
}
