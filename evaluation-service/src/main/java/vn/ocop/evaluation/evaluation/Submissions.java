package vn.ocop.evaluation.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.messaging.inbox.EventHandler;

/** What evaluation takes from {@code catalog.product.v1}: each submission opens a case, a withdrawal closes them. */
@Configuration(proxyBeanMethods = false)
class Submissions {

    @Bean
    EventHandler<ProductSubmitted> openCaseOnSubmission(Proceedings proceedings) {
        return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED, proceedings::open);
    }

    @Bean
    EventHandler<ProductWithdrawn> closeCasesOnWithdrawal(Proceedings proceedings) {
        return EventHandler.on(CatalogEvents.PRODUCT_WITHDRAWN, proceedings::withdrawn);
    }
}
