/** Evaluation cases opened by submissions, their score sheets and the council's decision. */
@NullMarked
package vn.ocop.evaluation.evaluation;

import org.jspecify.annotations.NullMarked;
