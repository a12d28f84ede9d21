package vn.ocop.catalog.product;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.inbox.EventHandler;

/** What catalog takes from {@code evaluation.certification.v1}: the outcome shown to the producer. */
@Configuration(proxyBeanMethods = false)
class EvaluationOutcomes {

    @Bean
    EventHandler<ProductCertified> showCertificate(ProductCatalog catalog) {
        return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, catalog::certified);
    }

    @Bean
    EventHandler<CertificationRejected> showRejection(ProductCatalog catalog) {
        return EventHandler.on(EvaluationEvents.CERTIFICATION_REJECTED, catalog::rejected);
    }

    @Bean
    EventHandler<CertificationRevoked> showRevocation(ProductCatalog catalog) {
        return EventHandler.on(EvaluationEvents.CERTIFICATION_REVOKED, catalog::revoked);
    }

    @Bean
    EventHandler<CertificationExpired> showExpiry(ProductCatalog catalog) {
        return EventHandler.on(EvaluationEvents.CERTIFICATION_EXPIRED, catalog::expired);
    }
}
