package vn.ocop.marketplace.listing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Search the way a Vietnamese buyer types: with or without diacritics, with typos, filtered and paged. */
class ListingSearchTest extends MarketplaceIntegrationTest {

    @Autowired
    private SearchConnections searches;

    private List<String> productIds(String query) {
        List<String> ids = new ArrayList<>();
        http().get("/api/listings?limit=100&" + query).at("/items").forEach(item -> ids.add(item.path("productId").asString()));
        return ids;
    }

    private ProductCertified list(String name, String producer, int group, String province, long price, int stars,
            String story) {
        ProductSnapshot p = Certificates.product(name, producer, group, group + ".1", province, price, 10);
        ProductSnapshot withStory = new ProductSnapshot(p.productId(), p.producerId(), p.producerName(), p.name(), p.group(),
                p.subgroup(), p.description(), story, p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                p.originProvince(), p.originCommune());
        ProductCertified certified = Certificates.certified(withStory, stars, Instant.now());
        TestEvents.publish(certified);
        return certified;
    }

    private void awaitSearchable(String word, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> productIds("q=" + word).size() == count);
    }

    @ParameterizedTest
    @ValueSource(strings = { "che thai nguyen", "chè thái", "Che Thai Ngyen", "CHÈ THÁI NGUYÊN", "thai nguyen che" })
    void buyersFindTheTeaHoweverTheyTypeIt(String typed) {
        String word = Certificates.uniqueWord();
        ProductCertified tea = list("Chè Thái Nguyên " + word, "Hợp tác xã Chè Tân Cương", 2, "Thái Nguyên", 180_000, 4, "");
        awaitSearchable(word, 1);

        assertThat(productIds("q=" + (typed + " " + word).replace(" ", "+"))).containsExactly(tea.productId().toString());
    }

    @Test
    void producerProvinceAndStoryAreSearchedAndDMatchesDStroke() {
        String word = Certificates.uniqueWord();
        ProductCertified byProducer = list("Bánh chưng " + word, "Hộ kinh doanh Đặng Thị Đào", 1, "Hà Nội", 90_000, 3, "");
        ProductCertified byStory = list("Bánh tẻ " + word, "Cơ sở Hương Quê", 1, "Hà Nội", 40_000, 3,
                "Gói bằng lá dong rừng Đường Lâm");
        awaitSearchable(word, 2);

        assertThat(productIds("q=dang+thi+dao+" + word)).containsExactly(byProducer.productId().toString());
        assertThat(productIds("q=duong+lam+" + word)).containsExactly(byStory.productId().toString());
        assertThat(productIds("q=ha+noi+" + word)).hasSize(2);
    }

    @Test
    void aMatchInTheNameOutranksAMatchInTheStory() {
        String word = Certificates.uniqueWord();
        ProductCertified inStory = list("Mứt gừng Huế", "Cơ sở Mứt Ngọc", 1, "Huế", 70_000, 5, "Ngon như " + word);
        ProductCertified inName = list("Mè xửng " + word, "Cơ sở Thiên Hương", 1, "Huế", 50_000, 3, "");
        awaitSearchable(word, 2);

        assertThat(productIds("q=" + word)).containsExactly(inName.productId().toString(), inStory.productId().toString());
    }

    @Test
    void listingsWithEveryWordInTheNameComeFirstEvenBeforeNewerOnesWithTheWordsElsewhere() {
        String word = Certificates.uniqueWord();
        ProductCertified olderInName = list("Bánh cốm " + word, "Cơ sở Cốm Vòng", 1, "Hà Nội", 60_000, 3, "");
        awaitSearchable(word, 1);
        ProductCertified newerByProducer = list("Bánh cốm Hàng Than", "Cơ sở " + word, 1, "Hà Nội", 60_000, 5, "");
        awaitSearchable(word, 2);
        ProductCertified newestInStory = list("Chè cốm", "Cơ sở Chè Hà Thành", 1, "Hà Nội", 40_000, 4,
                "Cốm làng Vòng, " + word);
        awaitSearchable(word, 3);

        // Tier 1 (every word in the name) first, then tier 2 (the words elsewhere), newest first in each.
        assertThat(productIds("q=com+" + word)).containsExactly(olderInName.productId().toString(),
                newestInStory.productId().toString(), newerByProducer.productId().toString());
        assertThat(productIds("q=com+" + word + "&sort=newest")).containsExactly(newestInStory.productId().toString(),
                newerByProducer.productId().toString(), olderInName.productId().toString());
    }

    @Test
    void relevancePagesCrossFromNameMatchesToOtherMatchesReturningEachOnce() {
        String word = Certificates.uniqueWord();
        List<String> inName = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inName.add(list("Miến dong " + word + " " + i, "Cơ sở Miến " + i, 1, "Bắc Kạn", 45_000, 4, "")
                    .productId().toString());
            elsewhere.add(list("Miến gạo " + i, "Cơ sở Miến " + i, 1, "Bắc Kạn", 45_000, 4, "Làm từ dong " + word)
                    .productId().toString());
        }
        awaitSearchable(word, 8);

        List<JsonNode> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Response page = http().get("/api/listings?limit=3&q=" + word + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            pageSizes.add(page.at("/items").size());
            page.at("/items").forEach(seen::add);
            JsonNode next = page.at("/nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
        } while (cursor != null);

        // Pages of 3 over 4 + 4 matches: the second page holds the last name match and the first two others.
        assertThat(pageSizes).containsExactly(3, 3, 2);
        List<String> ids = seen.stream().map(item -> item.path("productId").asString()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 4)).containsExactlyInAnyOrderElementsOf(inName);
        assertThat(ids.subList(4, 8)).containsExactlyInAnyOrderElementsOf(elsewhere);
        Comparator<JsonNode> newestFirst = Comparator.comparing(
                (JsonNode item) -> Instant.parse(item.path("createdAt").asString())).reversed();
        assertThat(seen.subList(0, 4)).isSortedAccordingTo(newestFirst);
        assertThat(seen.subList(4, 8)).isSortedAccordingTo(newestFirst);
    }

    @Test
    void aWordMatchesWithinLongerWordsAndPunctuationAndWildcardsAreMatchedLiterally() {
        String word = Certificates.uniqueWord();
        ProductCertified beans = list("Bánh đậu-xanh " + word, "Cơ sở Bánh Hải Dương", 1, "Hải Dương", 60_000, 4,
                "Nhân 100% đậu xanh");
        awaitSearchable(word, 1);
        String id = beans.productId().toString();

        // Part of a word, of the name or of the story, in either tier and every order.
        assertThat(productIds("q=" + word.substring(2, 9))).containsExactly(id);
        assertThat(productIds("q=" + word.substring(3) + "+ai+duo")).containsExactly(id);
        assertThat(productIds("q=" + word.substring(1, 6) + "+han&sort=price")).containsExactly(id);
        // Punctuation as typed, also across the end of one word and the start of the next.
        assertThat(productIds("q=" + word + "+%C4%91%E1%BA%ADu-xanh")).containsExactly(id);
        assertThat(productIds("q=" + word + "+au-xa")).containsExactly(id);
        assertThat(productIds("q=" + word + "+100%25")).containsExactly(id);
        assertThat(productIds("q=" + word + "+dau-xanh&sort=newest")).containsExactly(id);
        // Punctuation and wildcards are not word separators or patterns (words shorter than four
        // letters, so that no typo correction steps in).
        assertThat(productIds("q=" + word + "+u_x")).isEmpty();
        assertThat(productIds("q=" + word + "+u%25x")).isEmpty();
        assertThat(productIds("q=" + word + "+h-d")).isEmpty();
        assertThat(productIds("q=" + word + "+0%25")).containsExactly(id);
        // A word that no listing holds (and that is too short to be a typo) matches nothing.
        assertThat(productIds("q=" + word + "+qzx")).isEmpty();
    }

    @Test
    void typosAreForgivenOnlyWhenNothingMatchesAsTyped() {
        String word = Certificates.uniqueWord();
        ProductCertified nguyen = list("Chè Nguyên " + word, "HTX Chè Sông Cầu", 2, "Lào Cai", 150_000, 4, "");
        ProductCertified nguyet = list("Chè Nguyệt " + word, "HTX Chè Trăng", 2, "Hà Nội", 150_000, 4, "");
        awaitSearchable(word, 2);

        assertThat(productIds("q=nguyen+" + word)).containsExactly(nguyen.productId().toString());
        assertThat(productIds("q=nguyet+" + word)).containsExactly(nguyet.productId().toString());
        assertThat(productIds("q=ngyen+" + word)).contains(nguyen.productId().toString());
    }

    @Test
    void aMistypedWordFindsTheListingThroughTheVocabulary() {
        String word = Certificates.uniqueWord();
        ProductCertified jam = list("Mứt sen " + word, "Cơ sở Sen Hồ Tây", 1, "Hà Nội", 80_000, 4, "");
        awaitSearchable(word, 1);

        assertThat(productIds("q=" + Certificates.typo(word))).containsExactly(jam.productId().toString());
        assertThat(productIds("q=mut+" + Certificates.typo(word) + "&sort=price"))
                .containsExactly(jam.productId().toString());
        assertThat(productIds("q=" + Certificates.typo(word) + "&group=2")).isEmpty();
    }

    @Test
    void wordsOfNewlyProjectedListingsBecomeTypoFindable() {
        String word = Certificates.uniqueWord();
        assertThat(productIds("q=" + Certificates.typo(word))).isEmpty();

        ProductCertified created = list("Rượu cần " + word, "HTX Rượu Cần Lắk", 2, "Đắk Lắk", 150_000, 4, "");
        awaitSearchable(word, 1);
        assertThat(productIds("q=" + Certificates.typo(word))).containsExactly(created.productId().toString());

        // A word that arrives with new terms (an updated story) is typo-findable too.
        String storyWord = Certificates.uniqueWord();
        ProductSnapshot p = created.product();
        ProductSnapshot retold = new ProductSnapshot(p.productId(), p.producerId(), p.producerName(), p.name(), p.group(),
                p.subgroup(), p.description(), "Ủ men lá " + storyWord, p.unit(), p.wholesalePriceVnd(),
                p.minOrderQuantity(), p.originProvince(), p.originCommune());
        TestEvents.publish(new ProductUpdated(UUID.randomUUID(), Instant.now(), p.productId(), List.of("story"), retold));
        awaitSearchable(storyWord, 1);
        assertThat(productIds("q=" + Certificates.typo(storyWord))).containsExactly(created.productId().toString());
    }

    @Test
    void filtersNarrowTheResults() {
        String word = Certificates.uniqueWord();
        ProductCertified cheapFood = list("Gạo " + word, "HTX Gạo Sạch", 1, "Cần Thơ", 30_000, 3, "");
        ProductCertified goodDrink = list("Rượu " + word, "HTX Rượu Làng", 2, "Gia Lai", 120_000, 5, "");
        awaitSearchable(word, 2);

        assertThat(productIds("q=" + word + "&group=2")).containsExactly(goodDrink.productId().toString());
        assertThat(productIds("q=" + word + "&minStars=4")).containsExactly(goodDrink.productId().toString());
        assertThat(productIds("q=" + word + "&maxPriceVnd=50000")).containsExactly(cheapFood.productId().toString());
        assertThat(productIds("q=" + word + "&province=can+tho")).containsExactly(cheapFood.productId().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "newest", "stars", "price", "relevance" })
    void pagingWalksEveryResultOnceInOrder(String sort) {
        String word = Certificates.uniqueWord();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            expected.add(list("Nem chua " + word, "Cơ sở Nem " + i, 1, "Thanh Hóa", 5_000 + (i % 3) * 1_000, 3 + i % 3, "")
                    .productId().toString());
        }
        awaitSearchable(word, 7);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = http().get("/api/listings?limit=3&sort=" + sort + "&q=" + word
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.at("/items").forEach(seen::add);
            JsonNode next = page.at("/nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen.stream().map(item -> item.path("productId").asString())).containsExactlyInAnyOrderElementsOf(expected);
        Comparator<JsonNode> order = switch (sort) {
            case "stars" -> Comparator.comparing((JsonNode item) -> -item.path("stars").asInt());
            case "price" -> Comparator.comparing((JsonNode item) -> item.path("wholesalePriceVnd").asLong());
            case "newest" -> Comparator.comparing((JsonNode item) -> Instant.parse(item.path("createdAt").asString()))
                    .reversed();
            default -> (a, b) -> 0;
        };
        assertThat(seen).isSortedAccordingTo(order);
    }

    @Test
    void badQueriesAreRefusedClearly() {
        assertThat(http().get("/api/listings?q=" + "a".repeat(201)).text("/errors/0/field")).isEqualTo("q");
        assertThat(http().get("/api/listings?sort=cheapest").text("/errors/0/field")).isEqualTo("sort");
        String newestCursor = http().get("/api/listings?limit=1&sort=newest").text("/nextCursor");
        Response wrongOrder = http().get("/api/listings?limit=1&sort=price&cursor=" + newestCursor);
        assertThat(wrongOrder.status()).isEqualTo(400);
        assertThat(wrongOrder.text("/errors/0/field")).isEqualTo("cursor");
        assertThat(http().get("/api/listings?minStars=6").status()).isEqualTo(400);
        assertThat(http().get("/api/listings?maxPriceVnd=-1").status()).isEqualTo(400);
        assertThat(http().get("/api/listings?q=%5C").status()).isEqualTo(200);
        // A relevance cursor from before relevance came in tiers (its key was a score) is refused.
        String scoreCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("RELEVANCE|0.912345|" + UUID.randomUUID() + "|e").getBytes(StandardCharsets.UTF_8));
        Response stale = http().get("/api/listings?q=che&cursor=" + scoreCursor);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.text("/errors/0/field")).isEqualTo("cursor");
    }

    @Test
    void aSearchThatWaitedTooLongForItsTurnIsAnsweredBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(searches.size());
        Response busy;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> holders = new ArrayList<>();
            try {
                for (int i = 0; i < searches.size(); i++) {
                    holders.add(threads.submit(() -> searches.inTurn(() -> {
                        holding.countDown();
                        await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
                        return null;
                    })));
                }
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                // Every turn is taken: this search waits max-wait (1 s in these tests), then is refused.
                busy = http().get("/api/listings?q=che");
            }
            finally {
                release.countDown();
            }
            for (Future<?> holder : holders) {
                holder.get(10, TimeUnit.SECONDS);
            }
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.text("/type")).isEqualTo("/problems/busy");
        assertThat(busy.headers().get("retry-after")).containsExactly("1");
        assertThat(http().get("/api/listings?q=che").status()).isEqualTo(200);
    }

    @Test
    void searchConnectionsTakeTheServicePoolsSettingsAndPlanWithTheValuesOrOnce() {
        // The service pool's init statement (marketplace-service.yml), then search's own.
        assertThat(searches.jdbc().sql("show pg_trgm.word_similarity_threshold").query(String.class).single())
                .isEqualTo("0.4");
        assertThat(searches.jdbc().sql("show plan_cache_mode").query(String.class).single())
                .isEqualTo("force_custom_plan");
        assertThat(searches.pool().getPoolName()).isEqualTo("search");
        assertThat(searches.pool().getMinimumIdle()).isEqualTo(searches.size());
        // The connections for statements whose text fixes their plan: the same, but they keep a
        // generic plan per statement.
        assertThat(searches.prepared().sql("show pg_trgm.word_similarity_threshold").query(String.class).single())
                .isEqualTo("0.4");
        assertThat(searches.prepared().sql("show plan_cache_mode").query(String.class).single())
                .isEqualTo("force_generic_plan");
        assertThat(searches.preparedPool().getPoolName()).isEqualTo("search-prepared");
        assertThat(searches.preparedPool().getMaximumPoolSize()).isEqualTo(searches.size());
        assertThat(searches.preparedPool().getMinimumIdle()).isEqualTo(searches.size());
    }
}
