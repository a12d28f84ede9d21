/** Rule sets as data: parts, sections and criteria per product group, star bands, mandatory criteria, council levels, certificate validity. */
@NullMarked
package vn.ocop.evaluation.ruleset;

import org.jspecify.annotations.NullMarked;
