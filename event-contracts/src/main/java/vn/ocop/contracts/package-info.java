/**
 * The events the services exchange over Kafka: records only, their CloudEvents types and topics.
 * Changes are additive; a breaking change is a new {@code ...v2} type on a new topic.
 */
@NullMarked
package vn.ocop.contracts;

import org.jspecify.annotations.NullMarked;
