package vn.ocop.catalog.group;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The groups and sub-groups a product is registered under, for forms and filters. */
@RestController
class ProductGroupController {

    private final ProductGroups groups;

    ProductGroupController(ProductGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/api/product-groups")
    List<ProductGroup> list() {
        return groups.all();
    }
}
