/** Values that live as long as the current transaction. */
@NullMarked
package vn.ocop.messaging.transaction;

import org.jspecify.annotations.NullMarked;
