package vn.ocop.marketplace.listing;

import java.util.List;
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

import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

@RestController
@RequestMapping("/api/listings")
class ListingController {

    private final Listings listings;
    private final SearchConnections searches;

    ListingController(Listings listings, SearchConnections searches) {
        this.listings = listings;
        this.searches = searches;
    }

    /**
     * Active listings. {@code q} matches without regard to case or diacritics and tolerates a
     * typo in longer words; {@code sort} is relevance (the default with {@code q}: listings with
     * every word in the name, then the others, newest first in each), stars, newest (the default
     * without) or price (lowest first).
     */
    @GetMapping
    Page<Listing> search(@RequestParam(required = false) @Nullable @Size(max = ListingQuery.MAX_QUERY_LENGTH) String q,
            @RequestParam(required = false) @Nullable @Min(1) @Max(6) Integer group,
            @RequestParam(required = false) @Nullable @Min(1) @Max(5) Integer minStars,
            @RequestParam(required = false) @Nullable @Size(max = 100) String province,
            @RequestParam(required = false) @Nullable @PositiveOrZero Long maxPriceVnd,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        ListingQuery query = ListingQuery.of(q, group, minStars, province, maxPriceVnd, sort);
        ListingCursor after = ListingCursor.decode(cursor, query.sort());
        List<Listings.Found> found = searches.inTurn(() -> listings.search(query, after, size));
        Page<Listings.Found> page = Page.of(found, size,
                last -> new ListingCursor(query.sort(), last.key(), last.listing().id(), last.fuzzy()).encode());
        return new Page<>(page.items().stream().map(Listings.Found::listing).toList(), page.nextCursor());
    }

    /** Any listing, also a withdrawn one, which says why it is unavailable. */
    @GetMapping("/{id}")
    Listing get(@PathVariable UUID id) {
        return listings.find(id).orElseThrow(() -> new NotFoundException("listing", id));
    }
}
