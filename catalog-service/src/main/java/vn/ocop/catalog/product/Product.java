package vn.ocop.catalog.product;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.ConflictException;

/** A product as its producer registered it, with the evaluation outcome it has received. */
public record Product(
        UUID id,
        UUID producerId,
        String name,
        int productGroup,
        String subgroup,
        @Nullable String description,
        @Nullable String story,
        String unit,
        long wholesalePriceVnd,
        int minOrderQuantity,
        String originProvince,
        @Nullable String originCommune,
        ProductStatus status,
        @Nullable Integer stars,
        @Nullable String certificateNo,
        @Nullable String evaluationNote,
        Instant createdAt,
        Instant updatedAt) {

    /** Submission is refused while a council is already evaluating the product. */
    static final class NotSubmittable extends ConflictException {
        NotSubmittable(Product product) {
            super("product-not-submittable", "Product " + product.id() + " is " + product.status()
                    + " and cannot be submitted now");
        }
    }

    Product submitted() {
        if (status == ProductStatus.SUBMITTED) {
            throw new NotSubmittable(this);
        }
        return withOutcome(ProductStatus.SUBMITTED, stars, certificateNo, null);
    }

    Product certified(int newStars, String newCertificateNo) {
        return withOutcome(ProductStatus.CERTIFIED, newStars, newCertificateNo, null);
    }

    Product rejected(String note) {
        // A rejection at a higher level leaves a certificate from a lower level standing.
        if (status == ProductStatus.CERTIFIED) {
            return withOutcome(status, stars, certificateNo, note);
        }
        return withOutcome(ProductStatus.REJECTED, null, null, note);
    }

    private Product withOutcome(ProductStatus newStatus, @Nullable Integer newStars, @Nullable String newCertificateNo,
            @Nullable String note) {
        return new Product(id, producerId, name, productGroup, subgroup, description, story, unit, wholesalePriceVnd,
                minOrderQuantity, originProvince, originCommune, newStatus, newStars, newCertificateNo, note,
                createdAt, updatedAt);
    }
}
