package vn.ocop.catalog.group;

import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.catalog.CatalogIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class ProductGroupsTest extends CatalogIntegrationTest {

    @Test
    void theSixGroupsOfDecision148AreServedWithTheirSubgroups() {
        Response groups = http().get("/api/product-groups");

        assertThat(groups.status()).isEqualTo(200);
        assertThat(groups.body().findValuesAsString("nameEn")).contains("Food", "Drinks", "Herbs", "Handicrafts",
                "Ornamental plants and animals");
        assertThat(groups.body().size()).isEqualTo(6);
        assertThat(groups.text("/1/nameVi")).isEqualTo("Đồ uống");
        assertThat(groups.at("/1/subgroups").findValuesAsString("code")).contains("2.2");
        assertThat(groups.at("/5/subgroups").findValuesAsString("code")).containsExactly("6.1", "6.2", "6.3");
    }

    @Test
    void aProductMustNameASubgroupOfItsGroup() {
        Response producer = http().post("/api/producers", CatalogFixtures.cooperativeInThaiNguyen());
        Map<String, Object> tea = CatalogFixtures.teaFromThaiNguyen(producer.text("/id"));
        tea.put("subgroup", "4.1");

        Response refused = http().post("/api/products", tea);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/errors").findValuesAsString("field")).containsExactly("subgroup");
        assertThat(refused.text("/errors/0/message")).contains("2.1").contains("2.2");
        assertThat(http().get("/api/products?producerId=" + producer.text("/id")).at("/items").size()).isZero();
    }
}
