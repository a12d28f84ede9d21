/** The transactional outbox: events are written with the state change and relayed to Kafka after commit. */
@NullMarked
package vn.ocop.messaging.outbox;

import org.jspecify.annotations.NullMarked;
