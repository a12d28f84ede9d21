/** Rule sets as data: score sheet criteria, star bands, certificate validity. */
@NullMarked
package vn.ocop.evaluation.ruleset;

import org.jspecify.annotations.NullMarked;
