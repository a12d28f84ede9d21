/** The evidence dossier: typed documents a council asks for, kept with their checksum, and what is still missing. */
@NullMarked
package vn.ocop.catalog.dossier;

import org.jspecify.annotations.NullMarked;
