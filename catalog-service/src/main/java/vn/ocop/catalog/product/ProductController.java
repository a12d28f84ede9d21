package vn.ocop.catalog.product;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.web.Cursor;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/products")
class ProductController {

    private static final String SUBGROUP = "[1-6](\\.[0-9]{1,2}){1,2}";
    private static final String NOT_BLANK = "(?s).*\\S.*";

    record Origin(@NotBlank @Size(max = 100) String province, @Nullable @Size(max = 100) String commune) {
    }

    /** A product to register; money is integer VND. */
    record NewProduct(
            @NotNull UUID producerId,
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(6) int group,
            @NotBlank @Pattern(regexp = SUBGROUP, message = "must be a sub-group code such as 2.2") String subgroup,
            @Nullable @Size(max = 5000) String description,
            @Nullable @Size(max = 10000) String story,
            @NotBlank @Size(max = 50) String unit,
            @PositiveOrZero long wholesalePriceVnd,
            @Min(1) int minOrderQuantity,
            @NotNull @Valid Origin origin) {
    }

    /** An edit: fields left out (or null) stay as they are; an origin given is given whole. */
    record ProductEdit(
            @Nullable @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
            @Nullable @Min(1) @Max(6) Integer group,
            @Nullable @Pattern(regexp = SUBGROUP, message = "must be a sub-group code such as 2.2") String subgroup,
            @Nullable @Size(max = 5000) String description,
            @Nullable @Size(max = 10000) String story,
            @Nullable @Size(max = 50) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String unit,
            @Nullable @PositiveOrZero Long wholesalePriceVnd,
            @Nullable @Min(1) Integer minOrderQuantity,
            @Nullable @Valid Origin origin) {

        Product.Changes changes() {
            return new Product.Changes(strip(name), group, strip(subgroup), description, story, strip(unit),
                    wholesalePriceVnd, minOrderQuantity, origin == null ? null : origin.province().strip(),
                    origin == null ? null : origin.commune());
        }

        private static @Nullable String strip(@Nullable String text) {
            return text == null ? null : text.strip();
        }
    }

    record SubmissionRequest(@Nullable @Pattern(regexp = "[A-Z_]{3,20}", message = "must be a council level such as COMMUNE or PROVINCE") String level) {
    }

    record SubmissionAccepted(UUID submissionId, UUID productId, String level, String status) {
    }

    record WithdrawalRequest(@Nullable @Size(max = 1000) String reason) {
    }

    private final ProductCatalog catalog;
    private final Products products;

    ProductController(ProductCatalog catalog, Products products) {
        this.catalog = catalog;
        this.products = products;
    }

    @PostMapping
    ResponseEntity<Product> register(@Valid @RequestBody NewProduct request) {
        Product product = catalog.register(request);
        return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(product);
    }

    @GetMapping("/{id}")
    Product get(@PathVariable UUID id) {
        return products.find(id).orElseThrow(() -> new NotFoundException("product", id));
    }

    @PatchMapping("/{id}")
    Product edit(@PathVariable UUID id, @Valid @RequestBody ProductEdit request) {
        return catalog.edit(id, request.changes());
    }

    @GetMapping
    Page<Product> list(@RequestParam(required = false) @Nullable UUID producerId,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(products.list(producerId, status, Cursor.decode(cursor), size), size,
                product -> new Cursor(product.createdAt(), product.id()).encode());
    }

    @PostMapping("/{id}/submissions")
    ResponseEntity<SubmissionAccepted> submit(@PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable SubmissionRequest request) {
        ProductSubmitted submitted = catalog.submit(id, request == null ? null : request.level());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/products/" + id))
                .body(new SubmissionAccepted(submitted.submissionId(), id, submitted.level(), "SUBMITTED"));
    }

    @PostMapping("/{id}/withdrawal")
    Product withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable WithdrawalRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        return catalog.withdraw(id, reason);
    }
}
