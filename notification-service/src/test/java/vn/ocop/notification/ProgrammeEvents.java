package vn.ocop.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRejected;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.ListingUpdated;
import vn.ocop.contracts.marketplace.ListingWithdrawn;
import vn.ocop.contracts.marketplace.OrderAccepted;
import vn.ocop.contracts.marketplace.OrderCancelled;
import vn.ocop.contracts.marketplace.OrderDelivered;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.contracts.marketplace.OrderRejected;
import vn.ocop.contracts.marketplace.OrderShipped;
import vn.ocop.contracts.marketplace.PurchaseRequestClosed;
import vn.ocop.contracts.marketplace.PurchaseRequestPosted;

/** The events of one product's journey through the programme, as the other services publish them. */
public final class ProgrammeEvents {

    public static final String RETAILER_NAME = "Siêu thị Hà Nội Xanh";

    public final ProductSnapshot product;
    public final UUID listingId = UUID.randomUUID();
    public final UUID retailerId = UUID.randomUUID();
    public final String certificateNo = "OCOP-2026-" + (100_000 + (int) (Math.random() * 899_999));
    private final Instant at;

    public ProgrammeEvents(String province, Instant at) {
        this.at = at;
        this.product = new ProductSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Hợp tác xã Mật ong Quản Bạ",
                "Mật ong bạc hà Hà Giang", 1, "1.4", "Mật ong bạc hà nguyên chất", "Cao nguyên đá Đồng Văn",
                "chai 500 ml", 320_000, 20, province, "Quản Bạ");
    }

    public UUID producerId() {
        return product.producerId();
    }

    public UUID productId() {
        return product.productId();
    }

    public ProductRegistered registered() {
        return new ProductRegistered(UUID.randomUUID(), at, product.productId(), product.producerId(), product.name(),
                product.group(), product.subgroup(), product.originProvince());
    }

    public ProductSubmitted submitted() {
        return new ProductSubmitted(UUID.randomUUID(), at, product.productId(), UUID.randomUUID(), "PROVINCE", product);
    }

    public ProductUpdated updated() {
        return new ProductUpdated(UUID.randomUUID(), at, product.productId(), List.of("wholesalePriceVnd"), product);
    }

    public ProductWithdrawn productWithdrawn() {
        return new ProductWithdrawn(UUID.randomUUID(), at, product.productId(), product.producerId(), "Ngừng sản xuất");
    }

    public ProductCertified certified(int stars) {
        return certified(stars, LocalDate.of(2029, 3, 1));
    }

    public ProductCertified certified(int stars, LocalDate validUntil) {
        return new ProductCertified(UUID.randomUUID(), at, certificateNo, UUID.randomUUID(), product.productId(), stars,
                stars * 18.5, "PROVINCE", validUntil.minusYears(3), validUntil, "QD148-2023", product);
    }

    public CertificationRejected rejected() {
        return new CertificationRejected(UUID.randomUUID(), at, UUID.randomUUID(), product.productId(), 2, 42.5,
                "PROVINCE", List.of("Thiếu giấy chứng nhận an toàn thực phẩm"));
    }

    public CertificationRevoked revoked() {
        return new CertificationRevoked(UUID.randomUUID(), at, certificateNo, product.productId(),
                "Vi phạm tiêu chuẩn chất lượng");
    }

    public CertificationExpired expired() {
        return new CertificationExpired(UUID.randomUUID(), at, certificateNo, product.productId(), LocalDate.of(2029, 3, 1));
    }

    public ListingCreated listed(int stars) {
        return new ListingCreated(UUID.randomUUID(), at, listingId, product.productId(), product.producerId(),
                product.producerName(), product.name(), product.group(), product.subgroup(), stars, certificateNo,
                product.originProvince(), product.unit(), product.wholesalePriceVnd(), product.minOrderQuantity());
    }

    public ListingUpdated listingUpdated(int stars) {
        return new ListingUpdated(UUID.randomUUID(), at, listingId, product.productId(), product.producerId(),
                product.name(), product.group(), stars, certificateNo, product.originProvince(), product.unit(),
                product.wholesalePriceVnd(), product.minOrderQuantity(), List.of("stars"));
    }

    public ListingWithdrawn withdrawn() {
        return new ListingWithdrawn(UUID.randomUUID(), at, listingId, product.productId(), product.producerId(),
                product.name(), product.originProvince(), "CERTIFICATE_REVOKED", certificateNo);
    }

    public OrderPlaced ordered(int quantity) {
        return new OrderPlaced(UUID.randomUUID(), at, UUID.randomUUID(), listingId, product.productId(), product.name(),
                product.producerId(), product.originProvince(), retailerId, RETAILER_NAME, quantity,
                product.unit(), product.wholesalePriceVnd(), quantity * product.wholesalePriceVnd(), "Hà Nội", null);
    }

    public OrderAccepted accepted(OrderPlaced o) {
        return new OrderAccepted(UUID.randomUUID(), at, o.orderId(), o.listingId(), o.productId(), o.productName(),
                o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
    }

    public OrderShipped shipped(OrderPlaced o) {
        return new OrderShipped(UUID.randomUUID(), at, o.orderId(), o.listingId(), o.productId(), o.productName(),
                o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
    }

    public OrderDelivered delivered(OrderPlaced o) {
        return new OrderDelivered(UUID.randomUUID(), at, o.orderId(), o.listingId(), o.productId(), o.productName(),
                o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd());
    }

    public OrderRejected orderRejected(OrderPlaced o) {
        return new OrderRejected(UUID.randomUUID(), at, o.orderId(), o.listingId(), o.productId(), o.productName(),
                o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd(), "Hết hàng");
    }

    public OrderCancelled cancelled(OrderPlaced o) {
        return new OrderCancelled(UUID.randomUUID(), at, o.orderId(), o.listingId(), o.productId(), o.productName(),
                o.producerId(), o.province(), o.retailerId(), o.retailerName(), o.quantity(), o.totalVnd(), null);
    }

    public PurchaseRequestPosted requestPosted(UUID requestId) {
        return new PurchaseRequestPosted(UUID.randomUUID(), at, requestId, retailerId, RETAILER_NAME, 1, "mật ong", 4,
                500, "chai", 300_000L, product.originProvince(), LocalDate.of(2027, 1, 15));
    }

    public PurchaseRequestClosed requestClosed(UUID requestId) {
        return new PurchaseRequestClosed(UUID.randomUUID(), at, requestId, retailerId, "FULFILLED");
    }

    public DemandMatched matched(UUID requestId) {
        return new DemandMatched(UUID.randomUUID(), at, requestId, retailerId, RETAILER_NAME, product.producerId(),
                product.producerName(), List.of(listingId), List.of(product.name()), 500, "chai", 300_000L,
                LocalDate.of(2027, 1, 15));
    }
}
