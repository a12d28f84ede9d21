/** evaluation-service: councils score submitted products, award stars and issue certificates. */
@NullMarked
package vn.ocop.evaluation;

import org.jspecify.annotations.NullMarked;
