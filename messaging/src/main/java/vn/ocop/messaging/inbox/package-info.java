/** Idempotent consumption: each applied event id is recorded in the same transaction as its effect. */
@NullMarked
package vn.ocop.messaging.inbox;

import org.jspecify.annotations.NullMarked;
