package vn.ocop.evaluation.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.messaging.inbox.EventHandler;

/** What evaluation takes from {@code catalog.product.v1}: each submission opens a case. */
@Configuration(proxyBeanMethods = false)
class Submissions {

    @Bean
    EventHandler<ProductSubmitted> openCaseOnSubmission(Council council) {
        return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED, council::open);
    }
}
