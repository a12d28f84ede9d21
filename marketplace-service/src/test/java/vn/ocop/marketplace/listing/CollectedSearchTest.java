package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Searches whose words the planner's statistics call rare collect every match in a statement
 * planned once per connection; they must find exactly what the statement planned with the
 * values finds, in every order, with filters, across pages and with typos.
 */
class CollectedSearchTest extends MarketplaceIntegrationTest {

    private static final String[] PROVINCES = { "Hà Nội", "Thái Nguyên", "Cần Thơ" };

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SearchConnections searches;

    @Autowired
    private Listings listings;

    @Autowired
    private MeterRegistry meters;

    @Test
    void rareWordsAreCollectedInAStatementPlannedOnceAndFindWhatAStatementPlannedWithTheValuesFinds() {
        String word = Certificates.uniqueWord();
        for (int i = 0; i < 12; i++) {
            // The word in the name, only in the story, or in the name beside other words.
            String name = switch (i % 3) {
                case 0 -> "Chè " + word + " " + i;
                case 1 -> "Mật ong rừng " + i;
                default -> "Gạo " + word;
            };
            ProductSnapshot p = Certificates.product(name, "Hợp tác xã " + i, 1 + i % 3, (1 + i % 3) + ".1",
                    PROVINCES[i % PROVINCES.length], 50_000 + (i * 7_919) % 90_000, 10);
            ProductSnapshot product = new ProductSnapshot(p.productId(), p.producerId(), p.producerName(), p.name(),
                    p.group(), p.subgroup(), p.description(), i % 3 == 1 ? "Mật của rừng " + word : "",
                    p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(), p.originProvince(), p.originCommune());
            TestEvents.publish(Certificates.certified(product, 3 + i % 3, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> listings.search(ListingQuery.of(word, null, null, null, null, null), null, 20).size() == 12);
        jdbc.sql("analyze listing").update();

        Listings collecting = new Listings(jdbc, searches.jdbc(), searches.prepared(), null, true);
        Listings planning = new Listings(jdbc, searches.jdbc(), searches.prepared(), null, false);
        String typo = word.substring(0, 5) + (word.charAt(5) == 'x' ? 'y' : 'x') + word.substring(6);
        List<ListingQuery> queries = List.of(
                ListingQuery.of(word, null, null, null, null, null),
                ListingQuery.of("che " + word, null, null, null, null, null),
                ListingQuery.of("mat rung " + word, null, null, null, null, null),
                ListingQuery.of(word, null, null, null, null, "newest"),
                ListingQuery.of(word, null, null, null, null, "price"),
                ListingQuery.of(word, null, null, null, null, "stars"),
                ListingQuery.of(word, 2, null, null, null, null),
                ListingQuery.of(word, null, 4, null, null, "stars"),
                ListingQuery.of(word, null, null, "Ha Noi", null, null),
                ListingQuery.of(word, null, null, null, 100_000L, "price"),
                ListingQuery.of("gao " + typo, null, null, null, null, null),
                ListingQuery.of(typo, null, null, null, null, "newest"),
                // A word with punctuation that no listing holds as typed: it or its alternatives.
                ListingQuery.of("gao " + word + "-che", null, null, null, null, null));
        for (ListingQuery query : queries) {
            long before = collecting.genericPages();
            List<String> collected = walk(collecting, query, 20);
            // Twenty rows asked for: collected whatever the share of listings the test's are.
            assertThat(collecting.genericPages()).as("%s collected", query).isGreaterThan(before);
            assertThat(collected).as("%s, pages of 20", query).isNotEmpty().isEqualTo(walk(planning, query, 20));
            assertThat(walk(collecting, query, 3)).as("%s, pages of 3", query).isEqualTo(walk(planning, query, 3));
        }
        assertThat(planning.genericPages()).isZero();
    }

    @Test
    void browsingWalksAnIndexInAStatementPlannedOnceAndFindsWhatAStatementPlannedWithTheValuesFinds() {
        // A province of the test's own, so that browsing it sees only the test's listings.
        String province = "Tỉnh " + Certificates.uniqueWord();
        for (int i = 0; i < 7; i++) {
            ProductSnapshot p = Certificates.product("Bánh " + i, "Cơ sở " + i, 1 + i % 2, (1 + i % 2) + ".1", province,
                    40_000 + (i * 7_919) % 60_000, 10);
            TestEvents.publish(Certificates.certified(p, 3 + i % 3, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> listings
                .search(ListingQuery.of(null, null, null, province, null, null), null, 20).size() == 7);
        // The service counts such statements for operators.
        double counted = walkedStatements();
        listings.search(ListingQuery.of(null, null, null, province, null, null), null, 20);
        assertThat(walkedStatements()).isEqualTo(counted + 1);

        Listings collecting = new Listings(jdbc, searches.jdbc(), searches.prepared(), null, true);
        Listings planning = new Listings(jdbc, searches.jdbc(), searches.prepared(), null, false);
        for (ListingQuery query : List.of(ListingQuery.of(null, null, null, province, null, null),
                ListingQuery.of(null, null, null, province, null, "relevance"),
                ListingQuery.of(null, 2, null, province, null, null),
                ListingQuery.of(null, 1, null, province, null, "newest"))) {
            long before = collecting.genericPages();
            List<String> walked = walk(collecting, query, 3);
            assertThat(collecting.genericPages()).as("%s planned once", query).isGreaterThan(before);
            // Groups 1 and 2 alternate: four listings of group 1, three of group 2.
            int expected = query.group() == null ? 7 : query.group() == 1 ? 4 : 3;
            assertThat(walked).as("%s", query).hasSize(expected).isEqualTo(walk(planning, query, 3));
        }
        // Browsing every listing: other tests' listings may still be arriving, so until two
        // walks see the same.
        for (ListingQuery query : List.of(ListingQuery.of(null, 2, null, null, null, null),
                ListingQuery.of(null, null, 4, null, null, "stars"), ListingQuery.of(null, 1, 5, null, null, "stars"),
                ListingQuery.of(null, null, null, null, 60_000L, "price"))) {
            long before = collecting.genericPages();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(walk(collecting, query, 7))
                    .as("%s", query).isEqualTo(walk(planning, query, 7)));
            assertThat(collecting.genericPages()).as("%s planned once", query).isGreaterThan(before);
        }
        assertThat(planning.genericPages()).isZero();
    }

    private double walkedStatements() {
        return meters.get("marketplace.search.statements").tag("plan", "walk").functionCounter().count();
    }

    /** Every page of the search in turn: the names and ids it finds, in order. */
    private static List<String> walk(Listings listings, ListingQuery query, int size) {
        List<String> found = new ArrayList<>();
        @Nullable ListingCursor after = null;
        for (int pages = 0; pages < 1_000; pages++) {
            List<Listings.Found> page = listings.search(query, after, size);
            page.stream().limit(size).forEach(f -> found.add(f.listing().name() + " " + f.listing().id()));
            if (page.size() <= size) {
                return found;
            }
            Listings.Found last = page.get(size - 1);
            after = new ListingCursor(query.sort(), last.key(), last.listing().id(), last.fuzzy());
        }
        throw new AssertionError("more pages than listings: " + query);
    }
}
