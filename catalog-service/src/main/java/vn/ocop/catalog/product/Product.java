package vn.ocop.catalog.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
        @Nullable LocalDate certificateValidUntil,
        @Nullable String certifiedLevel,
        @Nullable String evaluationNote,
        @Nullable String withdrawalReason,
        Instant createdAt,
        Instant updatedAt) {

    /** The snapshot fields a certificate vouches for: they cannot change while the product holds one. */
    static final List<String> IDENTITY = List.of("name", "group", "subgroup", "originProvince", "originCommune");

    /** Submission is refused while a council is already evaluating the product. */
    static final class NotSubmittable extends ConflictException {
        NotSubmittable(Product product) {
            super("product-not-submittable", "Product " + product.id() + " is " + product.status()
                    + " and cannot be submitted now");
        }
    }

    /** A withdrawn product is out of the programme for good: nothing changes it any more. */
    static final class Withdrawn extends ConflictException {
        Withdrawn(Product product) {
            super("product-withdrawn", "Product " + product.id() + " was withdrawn from the programme"
                    + " and can no longer be submitted, edited or withdrawn again");
        }
    }

    /**
     * The council scores the product as it was submitted: changing what it is while it is being
     * evaluated would give it a certificate (or a rejection) meant for something else.
     */
    static final class UnderEvaluation extends ConflictException {
        UnderEvaluation(Product product, List<String> fields) {
            super("product-under-evaluation", "Product " + product.id() + " is being evaluated as submitted; its "
                    + String.join(", ", fields) + " can change once the council has decided");
        }
    }

    /** Changing what a certificate covers would silently keep a certificate for another product. */
    static final class CertifiedIdentity extends ConflictException {
        CertifiedIdentity(Product product, List<String> fields) {
            super("certified-product-identity", "Product " + product.id() + " holds certificate "
                    + product.certificateNo() + ", which covers its " + String.join(", ", fields)
                    + "; register a new product for the changed one, or withdraw this one");
        }
    }

    /** A change to a product's description and terms; null leaves a field as it is. */
    record Changes(@Nullable String name, @Nullable Integer group, @Nullable String subgroup,
            @Nullable String description, @Nullable String story, @Nullable String unit,
            @Nullable Long wholesalePriceVnd, @Nullable Integer minOrderQuantity, @Nullable String originProvince,
            @Nullable String originCommune) {
    }

    /** The product after an edit, and the snapshot fields that changed. */
    record Edited(Product product, List<String> changedFields) {
    }

    boolean holdsCertificate() {
        return certificateNo != null;
    }

    void requireNotWithdrawn() {
        if (status == ProductStatus.WITHDRAWN) {
            throw new Withdrawn(this);
        }
    }

    Edited edited(Changes c) {
        requireNotWithdrawn();
        Product after = new Product(id, producerId, pick(c.name(), name), pick(c.group(), productGroup),
                pick(c.subgroup(), subgroup), pick(c.description(), description), pick(c.story(), story),
                pick(c.unit(), unit), pick(c.wholesalePriceVnd(), wholesalePriceVnd),
                pick(c.minOrderQuantity(), minOrderQuantity), pick(c.originProvince(), originProvince),
                pick(c.originCommune(), originCommune), status, stars, certificateNo, certificateValidUntil,
                certifiedLevel, evaluationNote, withdrawalReason, createdAt, updatedAt);
        List<String> changed = new ArrayList<>();
        compare(changed, "name", name, after.name);
        compare(changed, "group", productGroup, after.productGroup);
        compare(changed, "subgroup", subgroup, after.subgroup);
        compare(changed, "description", description, after.description);
        compare(changed, "story", story, after.story);
        compare(changed, "unit", unit, after.unit);
        compare(changed, "wholesalePriceVnd", wholesalePriceVnd, after.wholesalePriceVnd);
        compare(changed, "minOrderQuantity", minOrderQuantity, after.minOrderQuantity);
        compare(changed, "originProvince", originProvince, after.originProvince);
        compare(changed, "originCommune", originCommune, after.originCommune);
        List<String> identity = changed.stream().filter(IDENTITY::contains).toList();
        if (status == ProductStatus.SUBMITTED && !identity.isEmpty()) {
            throw new UnderEvaluation(this, identity);
        }
        if (holdsCertificate() && !identity.isEmpty()) {
            throw new CertifiedIdentity(this, identity);
        }
        return new Edited(after, List.copyOf(changed));
    }

    Product submitted() {
        requireNotWithdrawn();
        if (status == ProductStatus.SUBMITTED) {
            throw new NotSubmittable(this);
        }
        return withOutcome(ProductStatus.SUBMITTED, stars, certificateNo, certificateValidUntil, certifiedLevel, null);
    }

    Product withdrawn(@Nullable String reason) {
        requireNotWithdrawn();
        return new Product(id, producerId, name, productGroup, subgroup, description, story, unit, wholesalePriceVnd,
                minOrderQuantity, originProvince, originCommune, ProductStatus.WITHDRAWN, stars, certificateNo,
                certificateValidUntil, certifiedLevel, evaluationNote, reason, createdAt, updatedAt);
    }

    Product certified(int newStars, String newCertificateNo, LocalDate validUntil, String level) {
        // A decision that lands after a withdrawal is recorded, but the product stays out of the programme.
        ProductStatus next = status == ProductStatus.WITHDRAWN ? status : ProductStatus.CERTIFIED;
        return withOutcome(next, newStars, newCertificateNo, validUntil, level, null);
    }

    Product rejected(String note) {
        if (status == ProductStatus.WITHDRAWN) {
            return withOutcome(status, stars, certificateNo, certificateValidUntil, certifiedLevel, note);
        }
        // A rejection at a higher level, or of a renewal, leaves the certificate the product holds standing.
        if (holdsCertificate()) {
            return withOutcome(ProductStatus.CERTIFIED, stars, certificateNo, certificateValidUntil, certifiedLevel, note);
        }
        return withOutcome(ProductStatus.REJECTED, null, null, null, null, note);
    }

    /**
     * The product after its certificate was revoked or expired. An event about an older
     * certificate than the one the product holds changes nothing: late events converge.
     */
    Product certificateEnded(String endedCertificateNo, ProductStatus outcome, String note) {
        if (!endedCertificateNo.equals(certificateNo)) {
            return this;
        }
        ProductStatus next = status == ProductStatus.SUBMITTED || status == ProductStatus.WITHDRAWN ? status : outcome;
        return withOutcome(next, null, null, null, null, note);
    }

    private Product withOutcome(ProductStatus newStatus, @Nullable Integer newStars, @Nullable String newCertificateNo,
            @Nullable LocalDate validUntil, @Nullable String level, @Nullable String note) {
        return new Product(id, producerId, name, productGroup, subgroup, description, story, unit, wholesalePriceVnd,
                minOrderQuantity, originProvince, originCommune, newStatus, newStars, newCertificateNo, validUntil,
                level, note, withdrawalReason, createdAt, updatedAt);
    }

    private static <T> T pick(@Nullable T requested, T current) {
        return requested == null ? current : requested;
    }

    private static void compare(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
