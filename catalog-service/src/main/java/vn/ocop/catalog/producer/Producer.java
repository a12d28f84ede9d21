package vn.ocop.catalog.producer;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An OCOP subject: who makes the products, with the contact a buyer needs. */
public record Producer(
        UUID id,
        String name,
        ProducerType type,
        String taxCode,
        String province,
        @Nullable String commune,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        Instant createdAt) {
}
