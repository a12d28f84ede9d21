/** OCOP certificates: the public record of a product's stars and validity. */
@NullMarked
package vn.ocop.evaluation.certificate;

import org.jspecify.annotations.NullMarked;
