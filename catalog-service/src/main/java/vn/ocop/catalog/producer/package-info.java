/** OCOP subjects: enterprises, cooperatives, cooperative groups and household businesses. */
@NullMarked
package vn.ocop.catalog.producer;

import org.jspecify.annotations.NullMarked;
