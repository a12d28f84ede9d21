package vn.ocop.catalog.product;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.ocop.catalog.group.ProductGroups;
import vn.ocop.catalog.producer.Producer;
import vn.ocop.catalog.producer.Producers;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.outbox.Outbox;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** Registers, edits, submits and withdraws products; every change and its event commit together. */
@Service
public class ProductCatalog {

    private final Products products;
    private final Producers producers;
    private final ProductGroups groups;
    private final SubmissionRules submissionRules;
    private final Outbox outbox;
    private final Clock clock;

    ProductCatalog(Products products, Producers producers, ProductGroups groups, SubmissionRules submissionRules,
            Outbox outbox, Clock clock) {
        this.products = products;
        this.producers = producers;
        this.groups = groups;
        this.submissionRules = submissionRules;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Product register(ProductController.NewProduct request) {
        if (producers.find(request.producerId()).isEmpty()) {
            throw new InvalidRequestException("producerId", "no producer " + request.producerId() + " is registered");
        }
        requireSubgroupOf(request.group(), request.subgroup().strip());
        Product product = products.insert(UUID.randomUUID(), request);
        outbox.append(new ProductRegistered(UUID.randomUUID(), clock.instant(), product.id(), product.producerId(),
                product.name(), product.productGroup(), product.subgroup(), product.originProvince()));
        return product;
    }

    /**
     * Applies a producer's edit. Terms and description may always change; what a certificate
     * covers may not while the product holds one. Every effective change is announced with the
     * snapshot after it, so listings keep the terms a buyer sees up to date.
     */
    @Transactional
    Product edit(UUID productId, Product.Changes changes) {
        Product.Edited edited = lock(productId).edited(changes);
        if (edited.changedFields().isEmpty()) {
            return edited.product();
        }
        if (edited.changedFields().contains("group") || edited.changedFields().contains("subgroup")) {
            requireSubgroupOf(edited.product().productGroup(), edited.product().subgroup());
        }
        Product saved = products.saveDescription(edited.product());
        outbox.append(new ProductUpdated(UUID.randomUUID(), clock.instant(), productId, edited.changedFields(),
                snapshot(saved)));
        return saved;
    }

    @Transactional
    ProductSubmitted submit(UUID productId, @Nullable String requestedLevel) {
        Product product = lock(productId).submitted();
        SubmissionRules.Check rules = submissionRules.check(productId, product.productGroup());
        String level = requestedLevel == null ? rules.defaultLevel() : requestedLevel;
        if (!rules.levels().contains(level)) {
            throw new InvalidRequestException("level", "under " + rules.ruleSet() + " a producer may ask for "
                    + String.join(" or ", rules.levels()) + ", not " + level);
        }
        if (!rules.missingDocuments().isEmpty()) {
            throw new ProductProblems.DossierIncomplete(productId, rules.ruleSet(), rules.missingDocuments());
        }
        UUID submissionId = UUID.randomUUID();
        Product saved = products.saveOutcome(product);
        products.insertSubmission(submissionId, productId, level);
        ProductSubmitted submitted = new ProductSubmitted(UUID.randomUUID(), clock.instant(), productId, submissionId,
                level, snapshot(saved));
        outbox.append(submitted);
        return submitted;
    }

    @Transactional
    Product withdraw(UUID productId, @Nullable String reason) {
        Product withdrawn = products.saveOutcome(lock(productId).withdrawn(reason));
        outbox.append(new ProductWithdrawn(UUID.randomUUID(), clock.instant(), productId, withdrawn.producerId(), reason));
        return withdrawn;
    }

    public Product find(UUID productId) {
        return products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    /**
     * The product, locked for a change to its dossier until the transaction ends; refused once the
     * product is withdrawn.
     */
    @Transactional
    public Product lockForDossier(UUID productId) {
        Product product = lock(productId);
        product.requireNotWithdrawn();
        return product;
    }

    /** Shows the council's certificate on the product (the producer's view). */
    @Transactional
    public void certified(ProductCertified event) {
        products.findForUpdate(event.productId()).ifPresent(product -> products.saveOutcome(
                product.certified(event.stars(), event.certificateNo(), event.validUntil(), event.level())));
    }

    @Transactional
    public void rejected(CertificationRejected event) {
        products.findForUpdate(event.productId())
                .ifPresent(product -> products.saveOutcome(product.rejected(String.join("; ", event.reasons()))));
    }

    @Transactional
    public void revoked(CertificationRevoked event) {
        products.findForUpdate(event.productId()).ifPresent(product -> products.saveOutcome(product.certificateEnded(
                event.certificateNo(), ProductStatus.REVOKED, "Certificate " + event.certificateNo() + " was revoked: "
                        + event.reason())));
    }

    @Transactional
    public void expired(CertificationExpired event) {
        products.findForUpdate(event.productId()).ifPresent(product -> products.saveOutcome(product.certificateEnded(
                event.certificateNo(), ProductStatus.EXPIRED, "Certificate " + event.certificateNo() + " expired on "
                        + event.expiredOn() + "; submit the product again to renew it")));
    }

    private Product lock(UUID productId) {
        return products.findForUpdate(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    private void requireSubgroupOf(int group, String subgroup) {
        if (!groups.contains(group, subgroup)) {
            throw new InvalidRequestException("subgroup", "group " + group + " has the sub-groups "
                    + String.join(", ", groups.subgroupsOf(group)) + ", not " + subgroup);
        }
    }

    private ProductSnapshot snapshot(Product product) {
        Producer producer = producers.find(product.producerId()).orElseThrow();
        return new ProductSnapshot(product.id(), producer.id(), producer.name(), product.name(), product.productGroup(),
                product.subgroup(), product.description(), product.story(), product.unit(), product.wholesalePriceVnd(),
                product.minOrderQuantity(), product.originProvince(), product.originCommune());
    }
}
