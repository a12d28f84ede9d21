package vn.ocop.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event body carries: its own id, when it happened, and the id of the aggregate it is
 * about. The aggregate id is also the Kafka record key and the CloudEvents {@code subject}, so all
 * events of one aggregate stay in order on one partition.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    /** The aggregate id: the record key and {@code ce_subject}. */
    String subject();
}
