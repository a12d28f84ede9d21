/** A minimal service for the messaging library's integration tests. */
@NullMarked
package vn.ocop.messaging.testapp;

import org.jspecify.annotations.NullMarked;
