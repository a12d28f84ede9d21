package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ListingProjectionTest extends MarketplaceIntegrationTest {

    private static TopicProbe listingTopic;

    @BeforeAll
    static void probe() {
        listingTopic = TopicProbe.on(Topics.MARKETPLACE_LISTING);
    }

    @AfterAll
    static void closeProbe() {
        listingTopic.close();
    }

    private Response searchFor(String q) {
        return http().get("/api/listings?limit=100&q=" + q.replace(" ", "+"));
    }

    private static boolean lists(Response response, ProductCertified certified) {
        for (JsonNode item : response.at("/items")) {
            if (item.path("productId").asString().equals(certified.productId().toString())) {
                return true;
            }
        }
        return false;
    }

    private ConsumerRecord<String, byte[]> awaitListingCreated(ProductCertified certified) {
        return listingTopic.await(TopicProbe.mentioning(certified.productId()));
    }

    @Test
    void certifiedProductAppearsInRetailerSearchByItselfAndIsAnnounced() {
        ProductCertified certified = Certificates.teaFromThaiNguyen(4);

        TestEvents.publish(certified);

        ConsumerRecord<String, byte[]> record = awaitListingCreated(certified);
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(MarketplaceEvents.LISTING_CREATED.name());
        assertThat(EventContracts.violations(MarketplaceEvents.LISTING_CREATED, TopicProbe.body(record))).isEmpty();
        String listingId = record.key();
        Response listing = http().get("/api/listings/" + listingId);
        assertThat(listing.text("/name")).isEqualTo("Chè Thái Nguyên Tân Cương");
        assertThat(listing.at("/stars").asInt()).isEqualTo(4);
        assertThat(listing.text("/certificateNo")).isEqualTo(certified.certificateNo());
        assertThat(listing.text("/status")).isEqualTo("ACTIVE");
        assertThat(lists(searchFor("che thai nguyen"), certified)).isTrue();
        assertThat(lists(searchFor("Chè Thái"), certified)).isTrue();
        assertThat(lists(http().get("/api/listings?limit=100&group=2&minStars=4&province=thai+nguyen"), certified)).isTrue();
        assertThat(lists(http().get("/api/listings?limit=100&minStars=5"), certified)).isFalse();
        assertThat(lists(http().get("/api/listings?limit=100&maxPriceVnd=100000"), certified)).isFalse();
    }

    @Test
    void dIsFoundWithoutItsStroke() {
        ProductCertified certified = Certificates.certified(Certificates.product("Bưởi Diễn Đoài Phương", "Hộ kinh doanh Đỗ Văn Đức",
                1, "1.2", "Hà Nội", 60_000, 30), 3, Instant.now());

        TestEvents.publish(certified);
        awaitListingCreated(certified);

        assertThat(lists(searchFor("doai phuong"), certified)).isTrue();
        assertThat(lists(searchFor("do van duc"), certified)).isTrue();
    }

    @Test
    void certificationDeliveredTwiceMakesOneListingAndOneAnnouncement() {
        ProductCertified certified = Certificates.honeyFromHaGiang(3);
        TestEvents.publish(certified);
        awaitListingCreated(certified);

        TestEvents.publish(certified);
        ProductCertified marker = Certificates.honeyFromHaGiang(3);
        TestEvents.publish(marker);
        awaitListingCreated(marker);

        assertThat(listingTopic.recordsWhere(TopicProbe.mentioning(certified.productId()))).hasSize(1);
        assertThat(http().get("/api/listings?limit=100&q=mat+ong+bac+ha").at("/items").findValuesAsString("productId")
                .stream().filter(certified.productId().toString()::equals).count()).isEqualTo(1);
    }

    @Test
    void anOlderCertificateArrivingLateDoesNotOverwriteANewerOne() {
        var product = Certificates.product("Gạo ST25 Sóc Trăng", "Doanh nghiệp tư nhân Hồ Quang Trí", 1, "1.1", "Sóc Trăng",
                35_000, 500);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProductCertified newer = Certificates.certified(product, 5, now);
        ProductCertified older = Certificates.certified(product, 3, now.minus(Duration.ofDays(400)));

        TestEvents.publish(newer);
        String listingId = awaitListingCreated(newer).key();
        TestEvents.publish(older);
        ProductCertified marker = Certificates.honeyFromHaGiang(3);
        TestEvents.publish(marker);
        awaitListingCreated(marker);

        Response listing = http().get("/api/listings/" + listingId);
        assertThat(listing.at("/stars").asInt()).isEqualTo(5);
        assertThat(listing.text("/certificateNo")).isEqualTo(newer.certificateNo());
    }

    @Test
    void wildcardsInTheQueryAreSearchedLiterally() {
        ProductCertified certified = Certificates.teaFromThaiNguyen(3);
        TestEvents.publish(certified);
        awaitListingCreated(certified);

        assertThat(searchFor("%25").at("/items").size()).isZero();
        assertThat(searchFor("_").at("/items").size()).isZero();
    }

    @Test
    void badSearchRequestsAreRefusedClearly() {
        assertThat(http().get("/api/listings?limit=0").status()).isEqualTo(400);
        assertThat(http().get("/api/listings?limit=101").status()).isEqualTo(400);
        assertThat(http().get("/api/listings?group=7").status()).isEqualTo(400);
        assertThat(http().get("/api/listings?sort=cheapest").text("/errors/0/field")).isEqualTo("sort");
        assertThat(http().get("/api/listings?cursor=garbage").text("/errors/0/field")).isEqualTo("cursor");
        assertThat(http().get("/api/listings?q=" + "a".repeat(201)).status()).isEqualTo(400);
        assertThat(http().get("/api/listings/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void pagingWalksEveryListingOnceWithoutGaps() {
        String unique = "Nem chua Thanh Hóa " + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            ProductCertified certified = Certificates.certified(Certificates.product(unique, "Cơ sở Nem Tuấn", 1, "1.1",
                    "Thanh Hóa", 5_000, 100), 3, Instant.now());
            expected.add(certified.productId().toString());
            TestEvents.publish(certified);
        }
        String q = unique.replace(" ", "+");
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get("/api/listings?limit=100&q=" + q).at("/items").size() == 5);

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Response page = http().get("/api/listings?limit=2&q=" + q + (cursor == null ? "" : "&cursor=" + cursor));
            page.at("/items").forEach(item -> seen.add(item.path("productId").asString()));
            cursor = page.at("/nextCursor").isNull() || page.at("/nextCursor").isMissingNode() ? null : page.text("/nextCursor");
        } while (cursor != null);

        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(expected);
    }
}
