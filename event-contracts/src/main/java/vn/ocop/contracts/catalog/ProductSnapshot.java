package vn.ocop.contracts.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The product as the producer described it when it was submitted: what a council evaluates and
 * what a listing shows. Carried by {@link ProductSubmitted} and, unchanged, by
 * {@code ProductCertified}, so that downstream services never ask catalog for it.
 */
public record ProductSnapshot(
        UUID productId,
        UUID producerId,
        String producerName,
        String name,
        int group,
        String subgroup,
        @Nullable String description,
        @Nullable String story,
        String unit,
        long wholesalePriceVnd,
        int minOrderQuantity,
        String originProvince,
        @Nullable String originCommune) {
}
