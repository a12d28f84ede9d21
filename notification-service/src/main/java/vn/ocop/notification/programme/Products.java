package vn.ocop.notification.programme;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.EventCodec;
import vn.ocop.messaging.inbox.EventBatchStart;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.messaging.transaction.KeyLocks;

/**
 * Products by id with their producer and province, from every event that describes them. A
 * rejection names only the product and travels on another topic than the product's events, so it
 * may arrive first: it waits in {@code pending_rejection} and is published as soon as the product
 * is known.
 */
@Repository
public class Products implements EventBatchStart {

    /** A product as far as notification needs it. */
    public record Product(UUID productId, UUID producerId, String name, String province) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EventCodec codec;
    private final KeyLocks locks;

    Products(JdbcClient jdbc, ApplicationEventPublisher events, EventCodec codec) {
        this.jdbc = jdbc;
        this.events = events;
        this.codec = codec;
        this.locks = new KeyLocks(jdbc, "notification-product:", 11);
    }

    /**
     * Read on every certification: mapped by hand, as Spring's record mapper finds a column such as
     * {@code product_id} by first asking for {@code productId} and catching the driver's exception.
     */
    public Optional<Product> find(UUID productId) {
        return jdbc.sql("select product_id, producer_id, name, province from product where product_id = ?")
                .param(productId)
                .query((rs, row) -> new Product(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .optional();
    }

    void remember(ProductSnapshot product, Instant asOf) {
        remember(new Product(product.productId(), product.producerId(), product.name(), product.originProvince()), asOf);
    }

    /** Keeps the newest description of a product, then applies the rejections that were waiting for it. */
    void remember(Product product, Instant asOf) {
        lock(product.productId());
        jdbc.sql("""
                insert into product (product_id, producer_id, name, province, as_of) values (?, ?, ?, ?, ?)
                on conflict (product_id) do update set producer_id = excluded.producer_id, name = excluded.name,
                    province = excluded.province, as_of = excluded.as_of
                where product.as_of <= excluded.as_of
                """)
                .params(product.productId(), product.producerId(), product.name(), product.province(),
                        Timestamp.from(asOf))
                .update();
        List<String> waiting = jdbc.sql("delete from pending_rejection where product_id = ? returning body::text")
                .param(product.productId())
                .query(String.class)
                .list();
        Product known = find(product.productId()).orElse(product);
        for (String body : waiting) {
            CertificationRejected rejection = codec.fromJson(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    CertificationRejected.class);
            events.publishEvent(new ProductRejected(rejection, known.producerId(), known.name(), known.province()));
        }
    }

    void reject(CertificationRejected rejection) {
        lock(rejection.productId());
        Optional<Product> product = find(rejection.productId());
        if (product.isPresent()) {
            Product known = product.get();
            events.publishEvent(new ProductRejected(rejection, known.producerId(), known.name(), known.province()));
            return;
        }
        jdbc.sql("insert into pending_rejection (event_id, product_id, body) values (?, ?, ?::jsonb) on conflict do nothing")
                .params(rejection.eventId(), rejection.productId(), codec.toJson(rejection))
                .update();
    }

    /** Locks, before any handler runs, every product the batch's events describe. */
    @Override
    public void beforeBatch(List<DomainEvent> batch) {
        lock(batch.stream().map(Products::productOf).filter(Objects::nonNull).distinct().toList());
    }

    private static @Nullable UUID productOf(DomainEvent event) {
        return switch (event) {
            case ProductRegistered e -> e.productId();
            case ProductSubmitted e -> e.productId();
            case ProductUpdated e -> e.productId();
            case ProductCertified e -> e.productId();
            case CertificationRejected e -> e.productId();
            default -> null;
        };
    }

    private void lock(UUID productId) {
        lock(List.of(productId));
    }

    /**
     * A product's events and its rejection travel on different topics, so two consumer threads
     * (or instances) may handle them at once; without this lock each could miss the other's
     * uncommitted row and a parked rejection would never be applied. Held until commit. A batch's
     * locks are taken together and in key order ({@link #beforeBatch}): two batches that share
     * products, read by different threads, cannot then each hold a lock the other waits for.
     */
    private void lock(List<UUID> productIds) {
        locks.lock(productIds);
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<ProductRegistered> productFromRegistration(Products products) {
            return EventHandler.on(CatalogEvents.PRODUCT_REGISTERED, e -> products.remember(
                    new Product(e.productId(), e.producerId(), e.name(), e.originProvince()), e.occurredAt()));
        }

        @Bean
        EventHandler<ProductSubmitted> productFromSubmission(Products products) {
            return EventHandler.on(CatalogEvents.PRODUCT_SUBMITTED, e -> products.remember(e.product(), e.occurredAt()));
        }

        @Bean
        EventHandler<ProductUpdated> productFromUpdate(Products products) {
            return EventHandler.on(CatalogEvents.PRODUCT_UPDATED, e -> products.remember(e.product(), e.occurredAt()));
        }

        @Bean
        EventHandler<ProductCertified> productFromCertification(Products products) {
            return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, e -> products.remember(e.product(), e.occurredAt()));
        }

        @Bean
        EventHandler<CertificationRejected> rejectionOfProduct(Products products) {
            return EventHandler.on(EvaluationEvents.CERTIFICATION_REJECTED, products::reject);
        }
    }
}
