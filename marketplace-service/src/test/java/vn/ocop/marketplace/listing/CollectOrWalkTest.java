package vn.ocop.marketplace.listing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a search runs in a statement planned once, because only one plan is good whatever the
 * values (collecting every listing rare words find, or walking the index of a browsing order),
 * rather than leaving PostgreSQL to plan it with the values.
 */
class CollectOrWalkTest {

    @Test
    void withoutStatisticsThePlannerDecides() {
        assertThat(Listings.collects(0.0001, 0, 21)).isFalse();
    }

    @Test
    void aThreeWordNameAtAMillionListingsIsCollected() {
        // 1,250 names estimated to hold a word of every list.
        assertThat(Listings.collects(0.00125, 1_000_000, 21)).isTrue();
    }

    @Test
    void aCommonWordIsNot() {
        // One listing in five: the newest-first index meets a page of them within ~100 rows.
        assertThat(Listings.collects(0.2, 1_000_000, 21)).isFalse();
    }

    @Test
    void notWhenTheWalkWouldReadFewerListingsThanTheMatches() {
        // 2,000 matches of 100,000: walking the order reads about 1,050 to fill a page.
        assertThat(Listings.collects(0.02, 100_000, 21)).isFalse();
        // 1,000 of them: about 2,100.
        assertThat(Listings.collects(0.01, 100_000, 21)).isTrue();
    }

    @Test
    void browsingWithTheLeadingColumnsOfTheOrdersIndexWalksIt() {
        assertThat(walks(null, null, null, null, null)).isTrue();
        assertThat(walks(null, 2, null, null, null)).isTrue();
        assertThat(walks(null, null, null, "Hà Nội", "newest")).isTrue();
        // A province and a group: the index of both, newest first (V9).
        assertThat(walks(null, 2, null, "Hà Nội", null)).isTrue();
        assertThat(walks(null, 2, null, "Hà Nội", "newest")).isTrue();
        assertThat(walks(null, 2, 4, null, "stars")).isTrue();
        assertThat(walks(null, null, null, null, "price")).isTrue();
        ListingQuery cheap = ListingQuery.of(null, null, null, null, 100_000L, "price");
        assertThat(Listings.walksAnIndex(cheap, cheap.sort())).isTrue();
    }

    @Test
    void wordsOrFiltersNoIndexLeadsWithAreLeftToThePlanner() {
        assertThat(walks("gao", null, null, null, null)).isFalse();
        assertThat(walks("gao", 2, null, "Hà Nội", null)).isFalse();
        assertThat(walks(null, 2, 4, "Hà Nội", null)).isFalse();
        assertThat(walks(null, null, 4, null, "newest")).isFalse();
        assertThat(walks(null, null, null, "Hà Nội", "stars")).isFalse();
        assertThat(walks(null, 2, null, null, "price")).isFalse();
    }

    private static boolean walks(String q, Integer group, Integer minStars, String province, String sort) {
        ListingQuery query = ListingQuery.of(q, group, minStars, province, null, sort);
        return Listings.walksAnIndex(query, query.sort());
    }

    @Test
    void notMoreThanTheBoundWhateverTheCatalogue() {
        assertThat(Listings.collects(0.9 * Listings.MAX_COLLECTED / 1e9, 1e9, 21)).isTrue();
        assertThat(Listings.collects(1.1 * Listings.MAX_COLLECTED / 1e9, 1e9, 21)).isFalse();
    }
}
