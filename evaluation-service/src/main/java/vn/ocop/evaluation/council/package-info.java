/** Evaluation councils: their level, the region they serve and their members. */
@NullMarked
package vn.ocop.evaluation.council;

import org.jspecify.annotations.NullMarked;
