/**
 * What notification knows of products and certificates, kept from the events: enough to tell
 * whom a thin event concerns (a rejection names only a product, a revocation only a certificate),
 * and the scheduled notice of certificates about to expire.
 */
@NullMarked
package vn.ocop.notification.programme;

import org.jspecify.annotations.NullMarked;
