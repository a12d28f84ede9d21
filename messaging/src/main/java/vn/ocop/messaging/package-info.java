/**
 * Reliable messaging shared by every service (DESIGN §4): events as CloudEvents in Kafka binary
 * mode, a transactional outbox with one relay per service, idempotent consumption, dead letters.
 */
@NullMarked
package vn.ocop.messaging;

import org.jspecify.annotations.NullMarked;
