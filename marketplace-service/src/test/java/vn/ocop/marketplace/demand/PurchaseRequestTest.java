package vn.ocop.marketplace.demand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.marketplace.Trading;
import vn.ocop.marketplace.listing.ListingRulesAccess;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PurchaseRequestTest extends MarketplaceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TopicProbe demandTopic;

    @Autowired
    DemandDesk desk;

    @BeforeAll
    static void probe() {
        demandTopic = TopicProbe.on(Topics.MARKETPLACE_DEMAND);
    }

    @AfterAll
    static void closeProbe() {
        demandTopic.close();
    }

    private ProductCertified listed(String name, UUID producerId, String producer, long price, int stars) {
        ProductSnapshot p = Certificates.product(name, producer, 2, "2.2", "Thái Nguyên", price, 10);
        ProductSnapshot ofProducer = new ProductSnapshot(p.productId(), producerId, producer, p.name(), p.group(),
                p.subgroup(), p.description(), p.story(), p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                p.originProvince(), p.originCommune());
        ProductCertified certified = Certificates.certified(ofProducer, stars, Instant.now());
        TestEvents.publish(certified);
        String listing = ListingRulesAccess.listingId(certified.productId());
        await().atMost(WAIT).until(() -> http().get("/api/listings/" + listing).status() == 200);
        return certified;
    }

    private static Map<String, Object> request(String retailerId, String query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retailerId", retailerId);
        body.put("group", 2);
        body.put("query", query);
        body.put("minStars", 4);
        body.put("quantity", 500);
        body.put("unit", "hộp");
        body.put("maxPriceVnd", 200_000);
        body.put("province", "Thai Nguyen");
        body.put("neededBy", LocalDate.now().plusMonths(2).toString());
        return body;
    }

    private List<ConsumerRecord<String, byte[]>> matched(String requestId) {
        return demandTopic.recordsWhere(r -> requestId.equals(r.key())
                && MarketplaceEvents.DEMAND_MATCHED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
    }

    @Test
    void requestMeetsMatchingListingsAndEachProducerHearsOnce() {
        String word = Certificates.uniqueWord();
        UUID tanCuong = UUID.randomUUID();
        UUID laBang = UUID.randomUUID();
        ProductCertified first = listed("Chè xanh " + word, tanCuong, "HTX Chè Tân Cương", 180_000, 4);
        ProductCertified second = listed("Chè móc câu " + word, tanCuong, "HTX Chè Tân Cương", 150_000, 5);
        listed("Chè búp " + word, laBang, "HTX Chè La Bằng", 120_000, 4);
        listed("Chè đinh " + word, UUID.randomUUID(), "HTX Chè Đắt", 900_000, 5);
        listed("Chè vụn " + word, UUID.randomUUID(), "HTX Chè Ba Sao", 50_000, 3);

        Response posted = http().post("/api/purchase-requests", request(Trading.supermarket(http()), "che " + word));

        assertThat(posted.status()).isEqualTo(201);
        String id = posted.text("/request/id");
        assertThat(posted.at("/matches").findValuesAsString("producerId"))
                .containsExactlyInAnyOrder(tanCuong.toString(), laBang.toString());
        Response read = http().get("/api/purchase-requests/" + id);
        assertThat(read.at("/matches").size()).isEqualTo(2);
        await().atMost(WAIT).until(() -> matched(id).size() == 2);
        for (ConsumerRecord<String, byte[]> record : matched(id)) {
            assertThat(EventContracts.violations(MarketplaceEvents.DEMAND_MATCHED, TopicProbe.body(record))).isEmpty();
        }
        String tanCuongMatch = matched(id).stream().map(TopicProbe::body).filter(b -> b.contains(tanCuong.toString()))
                .findFirst().orElseThrow();
        assertThat(tanCuongMatch).contains(ListingRulesAccess.listingId(first.productId()))
                .contains(ListingRulesAccess.listingId(second.productId()));
        ConsumerRecord<String, byte[]> postedEvent = demandTopic.await(r -> id.equals(r.key())
                && MarketplaceEvents.PURCHASE_REQUEST_POSTED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(EventContracts.violations(MarketplaceEvents.PURCHASE_REQUEST_POSTED, TopicProbe.body(postedEvent))).isEmpty();
    }

    @Test
    void requestWithATypoStillMeetsTheListing() {
        String word = Certificates.uniqueWord();
        UUID producer = UUID.randomUUID();
        ProductCertified tea = listed("Chè ướp sen " + word, producer, "HTX Chè Sen Tây Hồ", 190_000, 5);

        Response posted = http().post("/api/purchase-requests",
                request(Trading.supermarket(http()), "che " + Certificates.typo(word)));

        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.at("/matches").findValuesAsString("producerId")).containsExactly(producer.toString());
        String id = posted.text("/request/id");
        await().atMost(WAIT).until(() -> matched(id).size() == 1);
        assertThat(TopicProbe.body(matched(id).getFirst())).contains(ListingRulesAccess.listingId(tea.productId()));
    }

    @Test
    void listingCertifiedLaterMeetsTheOpenRequestOnceEvenWhenItChanges() {
        String word = Certificates.uniqueWord();
        String id = http().post("/api/purchase-requests", request(Trading.supermarket(http()), "che " + word))
                .text("/request/id");
        assertThat(http().get("/api/purchase-requests/" + id).at("/matches").size()).isZero();

        UUID producer = UUID.randomUUID();
        ProductCertified later = listed("Chè Thái " + word, producer, "HTX Chè Phúc Xuân", 170_000, 4);
        await().atMost(WAIT).until(() -> matched(id).size() == 1);
        TestEvents.publish(Certificates.priced(later.product(), 160_000, 10, Instant.now()));
        listed("Chè sen " + word, producer, "HTX Chè Phúc Xuân", 190_000, 5);
        await().atMost(WAIT).until(() -> http().get("/api/purchase-requests/" + id).at("/matches/0/listingIds").size() == 2);

        assertThat(matched(id)).hasSize(1);
        assertThat(http().get("/api/purchase-requests/" + id).at("/matches").size()).isEqualTo(1);
    }

    @Test
    void closedRequestsAnnounceTheirEndAndMeetNoMoreListings() {
        String word = Certificates.uniqueWord();
        String retailer = Trading.supermarket(http());
        String id = http().post("/api/purchase-requests", request(retailer, "che " + word)).text("/request/id");

        Response closed = http().post("/api/purchase-requests/" + id + "/close", Map.of("reason", "FULFILLED"));
        assertThat(closed.text("/request/status")).isEqualTo("FULFILLED");
        assertThat(http().post("/api/purchase-requests/" + id + "/close", Map.of("reason", "CANCELLED")).status())
                .isEqualTo(409);
        ConsumerRecord<String, byte[]> record = demandTopic.await(r -> id.equals(r.key())
                && MarketplaceEvents.PURCHASE_REQUEST_CLOSED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(EventContracts.violations(MarketplaceEvents.PURCHASE_REQUEST_CLOSED, TopicProbe.body(record))).isEmpty();

        listed("Chè muộn " + word, UUID.randomUUID(), "HTX Chè Muộn", 150_000, 4);
        String marker = http().post("/api/purchase-requests", request(retailer, "che muon " + word)).text("/request/id");
        assertThat(http().get("/api/purchase-requests/" + marker).at("/matches").size()).isEqualTo(1);
        assertThat(http().get("/api/purchase-requests/" + id).at("/matches").size()).isZero();
    }

    @Test
    void requestsPastTheirDateExpire() {
        String word = Certificates.uniqueWord();
        Map<String, Object> body = request(Trading.supermarket(http()), "che " + word);
        body.put("neededBy", LocalDate.now().plusDays(3).toString());
        String id = http().post("/api/purchase-requests", body).text("/request/id");

        desk.expireOverdue(LocalDate.now().plusDays(4));

        assertThat(http().get("/api/purchase-requests/" + id).text("/request/status")).isEqualTo("EXPIRED");
        demandTopic.await(r -> id.equals(r.key()) && TopicProbe.body(r).contains("\"reason\":\"EXPIRED\""));
    }

    @Test
    void requestsThatSayNothingOrLookBackAreRefused() {
        String retailer = Trading.supermarket(http());
        Map<String, Object> vague = request(retailer, "");
        vague.remove("group");
        assertThat(http().post("/api/purchase-requests", vague).text("/errors/0/field")).isEqualTo("query");

        Map<String, Object> late = request(retailer, "che");
        late.put("neededBy", LocalDate.now().minusDays(2).toString());
        assertThat(http().post("/api/purchase-requests", late).text("/errors/0/field")).isEqualTo("neededBy");

        Map<String, Object> unknown = request(UUID.randomUUID().toString(), "che");
        assertThat(http().post("/api/purchase-requests", unknown).text("/errors/0/field")).isEqualTo("retailerId");
        Map<String, Object> zero = request(retailer, "che");
        zero.put("quantity", 0);
        assertThat(http().post("/api/purchase-requests", zero).text("/errors/0/field")).isEqualTo("quantity");
        assertThat(http().get("/api/purchase-requests/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
