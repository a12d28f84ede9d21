package vn.ocop.marketplace.retailer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A buyer of OCOP products. */
public record Retailer(
        UUID id,
        String name,
        RetailerType type,
        String taxCode,
        String province,
        @Nullable String address,
        @Nullable String email,
        Instant createdAt) {
}
