package vn.ocop.marketplace.listing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.catalog.ProductSnapshot;

/**
 * What a product's listing should be, from the facts alone: the newest certificate decides
 * identity and stars, the producer's newest terms decide price and minimum order, and the listing
 * is offered only while that certificate stands and the product was not withdrawn after it.
 */
final class ListingRules {

    /** The listing a product should have. */
    record Desired(UUID listingId, ProductSnapshot product, int stars, double score, String certificateNo,
            LocalDate validUntil, java.time.Instant certifiedAt, ListingStatus status, @Nullable String withdrawnReason) {
    }

    static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";
    static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    static final String PRODUCT_WITHDRAWN = "PRODUCT_WITHDRAWN";

    private ListingRules() {
    }

    /** The same id for the same product on every rebuild of the projection. */
    static UUID listingId(UUID productId) {
        return UUID.nameUUIDFromBytes(("ocop-listing:" + productId).getBytes(StandardCharsets.UTF_8));
    }

    static Desired desired(ListingFacts.Certificate certificate, ListingFacts.@Nullable Product product) {
        ProductSnapshot certified = certificate.snapshot();
        ProductSnapshot terms = product == null || product.terms() == null ? certified : product.terms();
        // Identity is what the council certified; terms are the producer's latest.
        ProductSnapshot shown = new ProductSnapshot(certified.productId(), certified.producerId(), certified.producerName(),
                certified.name(), certified.group(), certified.subgroup(), terms.description(), terms.story(), terms.unit(),
                terms.wholesalePriceVnd(), terms.minOrderQuantity(), certified.originProvince(), certified.originCommune());
        String reason = switch (certificate.status()) {
            case REVOKED -> CERTIFICATE_REVOKED;
            case EXPIRED -> CERTIFICATE_EXPIRED;
            case ACTIVE -> product != null && product.withdrawnAt() != null
                    && product.withdrawnAt().isAfter(certificate.certifiedAt()) ? PRODUCT_WITHDRAWN : null;
        };
        return new Desired(listingId(certified.productId()), shown, certificate.stars(), certificate.score(),
                certificate.certificateNo(), certificate.validUntil(), certificate.certifiedAt(),
                reason == null ? ListingStatus.ACTIVE : ListingStatus.WITHDRAWN, reason);
    }
}
