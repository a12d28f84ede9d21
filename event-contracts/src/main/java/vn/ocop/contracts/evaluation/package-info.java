/** Events published by evaluation-service on {@code evaluation.certification.v1}, keyed by product id. */
@NullMarked
package vn.ocop.contracts.evaluation;

import org.jspecify.annotations.NullMarked;
