package vn.ocop.marketplace.listing;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.Cursor;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/listings")
class ListingController {

    /** Search filters; all optional. */
    record Query(@Nullable String q, @Nullable Integer group, @Nullable Integer minStars, @Nullable String province,
            @Nullable Long maxPriceVnd) {
    }

    private final Listings listings;

    ListingController(Listings listings) {
        this.listings = listings;
    }

    @GetMapping
    Page<Listing> search(@RequestParam @Nullable @Size(max = 200) String q,
            @RequestParam @Nullable @Min(1) @Max(6) Integer group,
            @RequestParam @Nullable @Min(1) @Max(5) Integer minStars,
            @RequestParam @Nullable @Size(max = 100) String province,
            @RequestParam @Nullable @PositiveOrZero Long maxPriceVnd,
            @RequestParam @Nullable String sort,
            @RequestParam @Nullable Integer limit,
            @RequestParam @Nullable String cursor) {
        if (sort != null && !sort.equals("newest")) {
            throw new InvalidRequestException("sort", "sort must be newest");
        }
        int size = Page.limit(limit);
        String query = q == null || q.isBlank() ? null : q;
        return Page.of(listings.search(new Query(query, group, minStars, province, maxPriceVnd), Cursor.decode(cursor), size),
                size, listing -> new Cursor(listing.createdAt(), listing.id()).encode());
    }

    @GetMapping("/{id}")
    Listing get(@PathVariable UUID id) {
        return listings.find(id).orElseThrow(() -> new NotFoundException("listing", id));
    }
}
