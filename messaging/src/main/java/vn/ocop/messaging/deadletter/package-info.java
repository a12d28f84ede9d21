/** Dead letters of this service: listed for inspection and replayed through the service's own inbox. */
@NullMarked
package vn.ocop.messaging.deadletter;

import org.jspecify.annotations.NullMarked;
