/**
 * Test infrastructure: one real Kafka broker and one real PostgreSQL per test JVM, Kafka probes
 * and publishers that speak the CloudEvents wire format, and the event contract checks.
 */
@NullMarked
package vn.ocop.testsupport;

import org.jspecify.annotations.NullMarked;
