package vn.ocop.catalog.product;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.catalog.producer.Producer;
import vn.ocop.catalog.producer.Producers;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** Registers and submits products; every change and its event commit together. */
@Service
public class ProductCatalog {

    private final Products products;
    private final Producers producers;
    private final Outbox outbox;
    private final Clock clock;

    ProductCatalog(Products products, Producers producers, Outbox outbox, Clock clock) {
        this.products = products;
        this.producers = producers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Product register(ProductController.NewProduct request) {
        if (producers.find(request.producerId()).isEmpty()) {
            throw new InvalidRequestException("producerId", "no producer " + request.producerId() + " is registered");
        }
        Product product = products.insert(UUID.randomUUID(), request);
        outbox.append(new ProductRegistered(UUID.randomUUID(), clock.instant(), product.id(), product.producerId(),
                product.name(), product.productGroup(), product.subgroup(), product.originProvince()));
        return product;
    }

    @Transactional
    ProductSubmitted submit(UUID productId, String level) {
        Product product = products.findForUpdate(productId)
                .orElseThrow(() -> new NotFoundException("product", productId)).submitted();
        Producer producer = producers.find(product.producerId()).orElseThrow();
        UUID submissionId = UUID.randomUUID();
        products.saveOutcome(product);
        products.insertSubmission(submissionId, productId, level);
        ProductSubmitted submitted = new ProductSubmitted(UUID.randomUUID(), clock.instant(), productId, submissionId,
                level, snapshot(product, producer));
        outbox.append(submitted);
        return submitted;
    }

    /** Shows the council's certificate on the product (the producer's view). */
    @Transactional
    public void certified(ProductCertified event) {
        products.findForUpdate(event.productId())
                .ifPresent(product -> products.saveOutcome(product.certified(event.stars(), event.certificateNo())));
    }

    @Transactional
    public void rejected(CertificationRejected event) {
        products.findForUpdate(event.productId())
                .ifPresent(product -> products.saveOutcome(product.rejected(String.join("; ", event.reasons()))));
    }

    private static ProductSnapshot snapshot(Product product, Producer producer) {
        return new ProductSnapshot(product.id(), producer.id(), producer.name(), product.name(), product.productGroup(),
                product.subgroup(), product.description(), product.story(), product.unit(), product.wholesalePriceVnd(),
                product.minOrderQuantity(), product.originProvince(), product.originCommune());
    }
}
