package vn.ocop.contracts.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.ocop.contracts.DomainEvent;

/**
 * A producer changed a product's terms (price, minimum order, unit, description, story). The snapshot is the product after the change. Fields that a certificate covers (name, group, sub-group, origin) cannot change on a certified product.
 *
 * @param changedFields names of the snapshot fields that changed
 */
public record ProductUpdated(
        UUID eventId,
        Instant occurredAt,
        UUID productId,
        List<String> changedFields,
        ProductSnapshot product) implements DomainEvent {

    @Override
    public String subject() {
        return productId.toString();
    }
}
