package vn.ocop.marketplace.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

class OrderPlacementTest extends MarketplaceIntegrationTest {

    private static TopicProbe listingTopic;
    private static TopicProbe orderTopic;

    @BeforeAll
    static void probes() {
        listingTopic = TopicProbe.on(Topics.MARKETPLACE_LISTING);
        orderTopic = TopicProbe.on(Topics.MARKETPLACE_ORDER);
    }

    @AfterAll
    static void closeProbes() {
        listingTopic.close();
        orderTopic.close();
    }

    private String supermarket() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Siêu thị Hà Nội Xanh");
        body.put("type", "SUPERMARKET_CHAIN");
        body.put("taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        body.put("province", "Hà Nội");
        body.put("address", "25 Tràng Tiền, Hoàn Kiếm");
        body.put("email", "muahang@hanoixanh.example.vn");
        Response response = http().post("/api/retailers", body);
        assertThat(response.status()).isEqualTo(201);
        return response.text("/id");
    }

    private String listingOfTea() {
        ProductCertified certified = Certificates.teaFromThaiNguyen(4);
        TestEvents.publish(certified);
        return listingTopic.await(TopicProbe.mentioning(certified.productId())).key();
    }

    private static Map<String, Object> order(String retailerId, String listingId, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retailerId", retailerId);
        body.put("listingId", listingId);
        body.put("quantity", quantity);
        body.put("deliveryProvince", "Hà Nội");
        body.put("deliveryAddress", "Kho Long Biên, 12 Ngọc Lâm");
        body.put("note", "Giao trước Tết");
        return body;
    }

    @Test
    void orderFixesPriceAndTotalAndTellsTheProducer() {
        String retailerId = supermarket();
        String listingId = listingOfTea();

        Response placed = http().post("/api/orders", order(retailerId, listingId, 120));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.at("/unitPriceVnd").asLong()).isEqualTo(180_000);
        assertThat(placed.at("/totalVnd").asLong()).isEqualTo(21_600_000);
        assertThat(placed.text("/status")).isEqualTo("PLACED");
        String orderId = placed.text("/id");
        assertThat(http().get("/api/orders/" + orderId).text("/productName")).isEqualTo("Chè Thái Nguyên Tân Cương");
        assertThat(http().get("/api/orders?retailerId=" + retailerId).at("/items/0/id").asString()).isEqualTo(orderId);

        ConsumerRecord<String, byte[]> record = orderTopic.await(r -> orderId.equals(r.key()));
        assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo(MarketplaceEvents.ORDER_PLACED.name());
        assertThat(EventContracts.violations(MarketplaceEvents.ORDER_PLACED, TopicProbe.body(record))).isEmpty();
        assertThat(TopicProbe.body(record)).contains("\"retailerName\":\"Siêu thị Hà Nội Xanh\"");
    }

    @Test
    void retriedOrderWithTheSameIdempotencyKeyIsTheSameOrder() {
        String retailerId = supermarket();
        String listingId = listingOfTea();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response first = http().post("/api/orders", order(retailerId, listingId, 60), key);
        Response retry = http().post("/api/orders", order(retailerId, listingId, 60), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(http().get("/api/orders?retailerId=" + retailerId).at("/items").size()).isEqualTo(1);
        orderTopic.await(r -> first.text("/id").equals(r.key()));
        Response other = http().post("/api/orders", order(retailerId, listingId, 50));
        orderTopic.await(r -> other.text("/id").equals(r.key()));
        assertThat(orderTopic.recordsWhere(r -> first.text("/id").equals(r.key()))).hasSize(1);
    }

    @Test
    void orderBelowTheMinimumQuantityIsRefusedAndNothingIsOrdered() {
        String retailerId = supermarket();
        String listingId = listingOfTea();

        Response response = http().post("/api/orders", order(retailerId, listingId, 49));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/errors/0/field")).isEqualTo("quantity");
        assertThat(response.text("/detail")).contains("minimum order is 50");
        assertThat(http().get("/api/orders?retailerId=" + retailerId).at("/items").size()).isZero();
    }

    @Test
    void orderForAnUnknownListingOrRetailerIsRefused() {
        String retailerId = supermarket();
        String listingId = listingOfTea();

        assertThat(http().post("/api/orders", order(retailerId, UUID.randomUUID().toString(), 100)).text("/errors/0/field"))
                .isEqualTo("listingId");
        assertThat(http().post("/api/orders", order(UUID.randomUUID().toString(), listingId, 100)).text("/errors/0/field"))
                .isEqualTo("retailerId");
        Map<String, Object> missing = order(retailerId, listingId, 100);
        missing.remove("deliveryAddress");
        assertThat(http().post("/api/orders", missing).text("/errors/0/field")).isEqualTo("deliveryAddress");
        assertThat(http().get("/api/orders").status()).isEqualTo(400);
        assertThat(http().get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
