/** Reference data: the six OCOP product groups of Decision 148/2023 and their sub-groups. */
@NullMarked
package vn.ocop.catalog.group;

import org.jspecify.annotations.NullMarked;
