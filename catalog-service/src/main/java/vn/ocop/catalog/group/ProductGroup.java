package vn.ocop.catalog.group;

import java.util.List;

/** A product group with its sub-groups, named in Vietnamese and English. */
public record ProductGroup(int code, String nameVi, String nameEn, List<Subgroup> subgroups) {

    /** @param representative true when the name summarises rather than quotes the decision */
    public record Subgroup(String code, String nameVi, String nameEn, boolean representative) {
    }
}
