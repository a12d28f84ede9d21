package vn.ocop.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.OrderPlaced;

/** The events of one product's journey through the programme, as the other services publish them. */
public final class ProgrammeEvents {

    public final ProductSnapshot product;
    public final UUID listingId = UUID.randomUUID();
    private final Instant at;

    public ProgrammeEvents(String province, Instant at) {
        this.at = at;
        this.product = new ProductSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Hợp tác xã Mật ong Quản Bạ",
                "Mật ong bạc hà Hà Giang", 1, "1.4", "Mật ong bạc hà nguyên chất", "Cao nguyên đá Đồng Văn",
                "chai 500 ml", 320_000, 20, province, "Quản Bạ");
    }

    public ProductRegistered registered() {
        return new ProductRegistered(UUID.randomUUID(), at, product.productId(), product.producerId(), product.name(),
                product.group(), product.subgroup(), product.originProvince());
    }

    public ProductSubmitted submitted() {
        return new ProductSubmitted(UUID.randomUUID(), at, product.productId(), UUID.randomUUID(), "PROVINCE", product);
    }

    public ProductCertified certified(int stars) {
        return new ProductCertified(UUID.randomUUID(), at, "OCOP-2026-" + (100_000 + (int) (Math.random() * 899_999)),
                UUID.randomUUID(), product.productId(), stars, stars * 18.5, "PROVINCE", LocalDate.of(2026, 3, 1),
                LocalDate.of(2029, 3, 1), "QD148-2023", product);
    }

    public ListingCreated listed(int stars) {
        return new ListingCreated(UUID.randomUUID(), at, listingId, product.productId(), product.producerId(),
                product.producerName(), product.name(), product.group(), product.subgroup(), stars, "OCOP-2026-000001",
                product.originProvince(), product.unit(), product.wholesalePriceVnd(), product.minOrderQuantity());
    }

    public OrderPlaced ordered(int quantity) {
        return new OrderPlaced(UUID.randomUUID(), at, UUID.randomUUID(), listingId, product.productId(), product.name(),
                product.producerId(), product.originProvince(), UUID.randomUUID(), "Siêu thị Hà Nội Xanh", quantity,
                product.unit(), product.wholesalePriceVnd(), quantity * product.wholesalePriceVnd(), "Hà Nội", null);
    }
}
