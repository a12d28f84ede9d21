package vn.ocop.marketplace.listing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a search collects every listing the word indexes find (in a statement planned once)
 * rather than leaving PostgreSQL to plan it with the values, perhaps to walk the page's order.
 */
class CollectOrWalkTest {

    @Test
    void withoutStatisticsThePlannerDecides() {
        assertThat(Listings.collects(0.0001, 0, 21)).isFalse();
    }

    @Test
    void aThreeWordNameAtAMillionListingsIsCollected() {
        // "che thai nguyen" in the benchmark's catalogue: 1,250 names.
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
    void notMoreThanTheBoundWhateverTheCatalogue() {
        assertThat(Listings.collects(Listings.MAX_COLLECTED / 1e9, 1e9, 21)).isTrue();
        assertThat(Listings.collects(2 * Listings.MAX_COLLECTED / 1e9, 1e9, 21)).isFalse();
    }
}
