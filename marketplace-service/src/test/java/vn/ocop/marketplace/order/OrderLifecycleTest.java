package vn.ocop.marketplace.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.marketplace.Trading;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderLifecycleTest extends MarketplaceIntegrationTest {

    private static TopicProbe orderTopic;

    @BeforeAll
    static void probe() {
        orderTopic = TopicProbe.on(Topics.MARKETPLACE_ORDER);
    }

    @AfterAll
    static void closeProbe() {
        orderTopic.close();
    }

    private ProductCertified certified;

    private String listing() {
        certified = Certificates.teaFromThaiNguyen(4);
        TestEvents.publish(certified);
        String id = vn.ocop.marketplace.listing.ListingRulesAccess.listingId(certified.productId());
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get("/api/listings/" + id).status() == 200);
        return id;
    }

    private String placed() {
        Response order = http().post("/api/orders", Trading.order(Trading.supermarket(http()), listing(), 60));
        assertThat(order.status()).isEqualTo(201);
        return order.text("/id");
    }

    private void assertAnnounced(String orderId, EventType<?> type) {
        ConsumerRecord<String, byte[]> record = orderTopic.await(r -> orderId.equals(r.key())
                && type.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(EventContracts.violations(type, TopicProbe.body(record))).isEmpty();
    }

    @Test
    void orderIsAcceptedShippedAndDeliveredAndEveryStepIsAnnounced() {
        String id = placed();

        assertThat(http().post("/api/orders/" + id + "/accept").text("/status")).isEqualTo("ACCEPTED");
        assertThat(http().post("/api/orders/" + id + "/ship").text("/status")).isEqualTo("SHIPPED");
        assertThat(http().post("/api/orders/" + id + "/deliver").text("/status")).isEqualTo("DELIVERED");

        assertThat(http().get("/api/orders/" + id).text("/status")).isEqualTo("DELIVERED");
        assertAnnounced(id, MarketplaceEvents.ORDER_PLACED);
        assertAnnounced(id, MarketplaceEvents.ORDER_ACCEPTED);
        assertAnnounced(id, MarketplaceEvents.ORDER_SHIPPED);
        assertAnnounced(id, MarketplaceEvents.ORDER_DELIVERED);
    }

    @Test
    void producerRejectsWithAReasonAndRetailerCancelsBeforeShipping() {
        String rejected = placed();
        assertThat(http().post("/api/orders/" + rejected + "/reject").text("/errors/0/field")).isEqualTo("reason");
        Response rejection = http().post("/api/orders/" + rejected + "/reject", Map.of("reason", "Hết hàng đến tháng sau"));
        assertThat(rejection.text("/status")).isEqualTo("REJECTED");
        assertThat(rejection.text("/statusReason")).isEqualTo("Hết hàng đến tháng sau");
        assertAnnounced(rejected, MarketplaceEvents.ORDER_REJECTED);

        String cancelled = placed();
        http().post("/api/orders/" + cancelled + "/accept");
        assertThat(http().post("/api/orders/" + cancelled + "/cancel", Map.of("reason", "Đổi kế hoạch")).text("/status"))
                .isEqualTo("CANCELLED");
        assertAnnounced(cancelled, MarketplaceEvents.ORDER_CANCELLED);
    }

    @Test
    void illegalMovesAreConflictsAndChangeNothing() {
        String id = placed();
        http().post("/api/orders/" + id + "/accept");
        http().post("/api/orders/" + id + "/ship");

        for (String move : List.of("cancel", "accept", "ship")) {
            Response refused = http().post("/api/orders/" + id + "/" + move, Map.of("reason", "x"));
            assertThat(refused.status()).as(move).isEqualTo(409);
            assertThat(refused.text("/type")).isEqualTo("/problems/illegal-order-transition");
        }
        assertThat(http().post("/api/orders/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(http().get("/api/orders/" + id).text("/status")).isEqualTo("SHIPPED");
        assertThat(http().post("/api/orders/" + id + "/refund").status()).isEqualTo(404);
        assertThat(http().post("/api/orders/" + UUID.randomUUID() + "/accept").status()).isEqualTo(404);

        http().post("/api/orders/" + id + "/deliver");
        assertAnnounced(id, MarketplaceEvents.ORDER_DELIVERED);
        assertThat(orderTopic.recordsWhere(r -> id.equals(r.key()))).hasSize(4);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyMakeOneOrder() throws Exception {
        String retailer = Trading.supermarket(http());
        String listing = listing();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Callable<Response> attempt = () -> http().post("/api/orders", Trading.order(retailer, listing, 100), key);

        List<Response> responses;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Response>> futures = pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> attempt).toList());
            responses = futures.stream().map(f -> {
                try {
                    return f.get();
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        assertThat(responses).extracting(Response::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(responses.stream().map(r -> r.text("/id")).distinct()).hasSize(1);
        assertThat(http().get("/api/orders?retailerId=" + retailer).at("/items").size()).isEqualTo(1);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherOrderIsRefused() {
        String retailer = Trading.supermarket(http());
        String listing = listing();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(http().post("/api/orders", Trading.order(retailer, listing, 100), key).status()).isEqualTo(201);

        Response reused = http().post("/api/orders", Trading.order(retailer, listing, 300), key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.text("/type")).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void aWithdrawnListingCannotBeOrderedButCanStillBeRead() {
        String retailer = Trading.supermarket(http());
        String listing = listing();
        TestEvents.publish(Certificates.revoked(certified, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get("/api/listings/" + listing).text("/status").equals("WITHDRAWN"));

        Response refused = http().post("/api/orders", Trading.order(retailer, listing, 100));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/type")).isEqualTo("/problems/listing-unavailable");
        assertThat(http().get("/api/orders?retailerId=" + retailer).at("/items").size()).isZero();
    }
}
