package vn.ocop.catalog.dossier;

/** A kind of document a council may ask for (DESIGN §5), named in Vietnamese and English. */
public record DocumentType(String code, String nameVi, String nameEn) {
}
