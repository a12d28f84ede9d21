package vn.ocop.contracts.catalog;

import java.time.Instant;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/** A producer registered a new product (status DRAFT). */
public record ProductRegistered(
        UUID eventId,
        Instant occurredAt,
        UUID productId,
        UUID producerId,
        String name,
        int group,
        String subgroup,
        String originProvince) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
