package vn.ocop.notification.inbox;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.contracts.marketplace.OrderAccepted;
import vn.ocop.contracts.marketplace.OrderCancelled;
import vn.ocop.contracts.marketplace.OrderDelivered;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.contracts.marketplace.OrderRejected;
import vn.ocop.contracts.marketplace.OrderShipped;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.notification.programme.CertificateExpired;
import vn.ocop.notification.programme.CertificateExpiring;
import vn.ocop.notification.programme.CertificateFacts;
import vn.ocop.notification.programme.CertificateRevoked;
import vn.ocop.notification.programme.ProductRejected;
import vn.ocop.notification.recipient.Recipient;

/**
 * Turns events into inbox messages, inside each event's inbox transaction. Producers hear of
 * their certification results, revocations, expiries, orders and demand matches; retailers of
 * their orders' progress and matches; offices of certifications, rejections, revocations and
 * expiries in their province. Each message is keyed by the event id, so a redelivery adds nothing.
 */
@Configuration(proxyBeanMethods = false)
class InboxNotifications {

    private final Inbox inbox;

    InboxNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @Bean
    EventHandler<ProductCertified> tellCertification() {
        return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, e -> {
            Map<String, Object> facts = Facts.of("productId", e.productId(), "productName", e.product().name(),
                    "producerName", e.product().producerName(), "province", e.product().originProvince(),
                    "stars", e.stars(), "score", e.score(), "level", e.level(), "certificateNo", e.certificateNo(),
                    "validFrom", e.validFrom(), "validUntil", e.validUntil());
            post(Recipient.producer(e.product().producerId()), MessageKind.CERTIFIED, facts, e);
            post(Recipient.office(e.product().originProvince()), MessageKind.CERTIFIED, facts, e);
        });
    }

    @EventListener
    void tellRejection(ProductRejected rejected) {
        CertificationRejected e = rejected.event();
        Map<String, Object> facts = Facts.of("productId", e.productId(), "productName", rejected.productName(),
                "province", rejected.province(), "stars", e.stars(), "score", e.score(), "level", e.level(),
                "reasons", e.reasons().isEmpty() ? null : e.reasons());
        post(Recipient.producer(rejected.producerId()), MessageKind.REJECTED, facts, e);
        post(Recipient.office(rejected.province()), MessageKind.REJECTED, facts, e);
    }

    @EventListener
    void tellRevocation(CertificateRevoked revoked) {
        CertificationRevoked e = revoked.event();
        CertificateFacts certificate = revoked.certificate();
        if (certificate == null) {
            return;
        }
        Map<String, Object> facts = Facts.of("productId", e.productId(), "productName", certificate.productName(),
                "province", certificate.province(), "certificateNo", e.certificateNo(), "reason", e.reason());
        post(Recipient.producer(certificate.producerId()), MessageKind.REVOKED, facts, e);
        post(Recipient.office(certificate.province()), MessageKind.REVOKED, facts, e);
    }

    @EventListener
    void tellExpiry(CertificateExpired expired) {
        CertificationExpired e = expired.event();
        CertificateFacts certificate = expired.certificate();
        if (certificate == null) {
            return;
        }
        Map<String, Object> facts = Facts.of("productId", e.productId(), "productName", certificate.productName(),
                "province", certificate.province(), "certificateNo", e.certificateNo(), "expiredOn", e.expiredOn());
        post(Recipient.producer(certificate.producerId()), MessageKind.EXPIRED, facts, e);
        post(Recipient.office(certificate.province()), MessageKind.EXPIRED, facts, e);
    }

    /** One notice per certificate and end of validity: a renewed certificate has another number. */
    @EventListener
    void tellComingExpiry(CertificateExpiring expiring) {
        CertificateFacts certificate = expiring.certificate();
        inbox.post(Recipient.producer(certificate.producerId()), MessageKind.EXPIRING,
                Facts.of("productId", certificate.productId(), "productName", certificate.productName(),
                        "province", certificate.province(), "certificateNo", certificate.certificateNo(),
                        "validUntil", certificate.validUntil(), "daysLeft", expiring.daysLeft()),
                "expiring:" + certificate.certificateNo() + ":" + certificate.validUntil(), expiring.noticedAt(),
                DeliveryTargets.REGISTERED);
    }

    @Bean
    EventHandler<OrderPlaced> tellNewOrder() {
        return EventHandler.on(MarketplaceEvents.ORDER_PLACED, e -> post(Recipient.producer(e.producerId()),
                MessageKind.ORDER_PLACED,
                Facts.of("orderId", e.orderId(), "productId", e.productId(), "productName", e.productName(),
                        "retailerId", e.retailerId(), "retailerName", e.retailerName(), "quantity", e.quantity(),
                        "unit", e.unit(), "unitPriceVnd", e.unitPriceVnd(), "totalVnd", e.totalVnd(),
                        "deliveryProvince", e.deliveryProvince(), "note", e.note()),
                e));
    }

    @Bean
    EventHandler<OrderCancelled> tellCancellation() {
        return EventHandler.on(MarketplaceEvents.ORDER_CANCELLED, e -> post(Recipient.producer(e.producerId()),
                MessageKind.ORDER_CANCELLED,
                Facts.of("orderId", e.orderId(), "productId", e.productId(), "productName", e.productName(),
                        "retailerId", e.retailerId(), "retailerName", e.retailerName(), "quantity", e.quantity(),
                        "totalVnd", e.totalVnd(), "reason", e.reason()),
                e));
    }

    @Bean
    EventHandler<OrderAccepted> tellAcceptance() {
        return EventHandler.on(MarketplaceEvents.ORDER_ACCEPTED, e -> post(Recipient.retailer(e.retailerId()),
                MessageKind.ORDER_ACCEPTED, orderProgress(e.orderId(), e.productName(), e.quantity(), e.totalVnd(), null),
                e));
    }

    @Bean
    EventHandler<OrderRejected> tellOrderRejection() {
        return EventHandler.on(MarketplaceEvents.ORDER_REJECTED, e -> post(Recipient.retailer(e.retailerId()),
                MessageKind.ORDER_REJECTED,
                orderProgress(e.orderId(), e.productName(), e.quantity(), e.totalVnd(), e.reason()), e));
    }

    @Bean
    EventHandler<OrderShipped> tellShipment() {
        return EventHandler.on(MarketplaceEvents.ORDER_SHIPPED, e -> post(Recipient.retailer(e.retailerId()),
                MessageKind.ORDER_SHIPPED, orderProgress(e.orderId(), e.productName(), e.quantity(), e.totalVnd(), null),
                e));
    }

    @Bean
    EventHandler<OrderDelivered> tellDelivery() {
        return EventHandler.on(MarketplaceEvents.ORDER_DELIVERED, e -> post(Recipient.retailer(e.retailerId()),
                MessageKind.ORDER_DELIVERED,
                orderProgress(e.orderId(), e.productName(), e.quantity(), e.totalVnd(), null), e));
    }

    @Bean
    EventHandler<DemandMatched> tellDemandMatch() {
        return EventHandler.on(MarketplaceEvents.DEMAND_MATCHED, e -> {
            Map<String, Object> facts = Facts.of("requestId", e.requestId(), "retailerId", e.retailerId(),
                    "retailerName", e.retailerName(), "producerId", e.producerId(), "producerName", e.producerName(),
                    "listingIds", e.listingIds().stream().map(Object::toString).toList(),
                    "productNames", e.productNames(), "quantity", e.quantity(), "unit", e.unit(),
                    "maxPriceVnd", e.maxPriceVnd(), "neededBy", e.neededBy());
            post(Recipient.producer(e.producerId()), MessageKind.DEMAND_MATCHED, facts, e);
            post(Recipient.retailer(e.retailerId()), MessageKind.DEMAND_MATCHED, facts, e);
        });
    }

    private static Map<String, Object> orderProgress(Object orderId, String productName, int quantity, long totalVnd,
            @Nullable String reason) {
        return Facts.of("orderId", orderId, "productName", productName, "quantity", quantity, "totalVnd", totalVnd,
                "reason", reason);
    }

    private void post(Recipient recipient, MessageKind kind, Map<String, Object> facts, DomainEvent event) {
        inbox.post(recipient, kind, facts, event.eventId().toString(), event.occurredAt(), DeliveryTargets.REGISTERED);
    }
}
