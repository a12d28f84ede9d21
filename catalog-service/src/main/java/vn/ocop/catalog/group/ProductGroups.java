package vn.ocop.catalog.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product groups and sub-groups in catalog's database. */
@Repository
public class ProductGroups {

    private record GroupRow(int code, String nameVi, String nameEn) {
    }

    private record SubgroupRow(int productGroup, String code, String nameVi, String nameEn, boolean representative) {
    }

    private final JdbcClient jdbc;

    ProductGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProductGroup> all() {
        Map<Integer, List<ProductGroup.Subgroup>> subgroups = new LinkedHashMap<>();
        jdbc.sql("select product_group, code, name_vi, name_en, representative from product_subgroup order by code")
                .query(SubgroupRow.class).list()
                .forEach(s -> subgroups.computeIfAbsent(s.productGroup(), g -> new ArrayList<>())
                        .add(new ProductGroup.Subgroup(s.code(), s.nameVi(), s.nameEn(), s.representative())));
        return jdbc.sql("select code, name_vi, name_en from product_group order by code").query(GroupRow.class).list()
                .stream()
                .map(g -> new ProductGroup(g.code(), g.nameVi(), g.nameEn(), subgroups.getOrDefault(g.code(), List.of())))
                .toList();
    }

    /** True when the sub-group exists and belongs to the group. */
    public boolean contains(int group, String subgroup) {
        return jdbc.sql("select count(*) from product_subgroup where product_group = ? and code = ?")
                .params(group, subgroup).query(Integer.class).single() > 0;
    }

    public List<String> subgroupsOf(int group) {
        return jdbc.sql("select code from product_subgroup where product_group = ? order by code").param(group)
                .query(String.class).list();
    }
}
