/** RFC 9457 problem details for every error, with a stable {@code type} per kind of error. */
@NullMarked
package vn.ocop.web;

import org.jspecify.annotations.NullMarked;
