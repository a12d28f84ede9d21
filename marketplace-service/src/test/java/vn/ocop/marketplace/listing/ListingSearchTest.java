package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Search the way a Vietnamese buyer types: with or without diacritics, with typos, filtered and paged. */
class ListingSearchTest extends MarketplaceIntegrationTest {

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
    }
}
