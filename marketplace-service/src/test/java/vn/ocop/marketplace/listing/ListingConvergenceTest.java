package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductSnapshot;
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

/**
 * Listings follow certification whatever order the facts arrive in: late, twice, out of order,
 * or replayed into an empty projection.
 */
class ListingConvergenceTest extends MarketplaceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TopicProbe listingTopic;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ListingProjection projection;

    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    static void probe() {
        listingTopic = TopicProbe.on(Topics.MARKETPLACE_LISTING);
    }

    @AfterAll
    static void closeProbe() {
        listingTopic.close();
    }

    private static String listingId(UUID productId) {
        return ListingRules.listingId(productId).toString();
    }

    private Response listing(UUID productId) {
        return http().get("/api/listings/" + listingId(productId));
    }

    private Response awaitListing(UUID productId, String status, int stars) {
        return await().atMost(WAIT).until(() -> listing(productId),
                r -> r.status() == 200 && r.text("/status").equals(status) && r.at("/stars").asInt() == stars);
    }

    private List<ConsumerRecord<String, byte[]>> announcements(UUID productId, String type) {
        return listingTopic.recordsWhere(r -> TopicProbe.body(r).contains(productId.toString())
                && type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
    }

    private boolean searchable(ProductSnapshot product) {
        return http().get("/api/listings?limit=100&q=" + product.name().replace(" ", "+")).at("/items")
                .findValuesAsString("productId").contains(product.productId().toString());
    }

    private static ProductSnapshot tea() {
        return Certificates.product("Chè " + Certificates.uniqueWord(), "Hợp tác xã Chè La Bằng", 2, "2.2", "Thái Nguyên",
                150_000, 40);
    }

    @Test
    void revokedCertificateWithdrawsTheListingWhichStillSaysWhy() {
        ProductSnapshot product = tea();
        ProductCertified certified = Certificates.certified(product, 4, Instant.now());
        TestEvents.publish(certified);
        awaitListing(product.productId(), "ACTIVE", 4);
        assertThat(searchable(product)).isTrue();

        TestEvents.publish(Certificates.revoked(certified, Instant.now()));

        Response withdrawn = awaitListing(product.productId(), "WITHDRAWN", 4);
        assertThat(withdrawn.text("/withdrawnReason")).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(searchable(product)).isFalse();
        ConsumerRecord<String, byte[]> record = listingTopic.await(r -> TopicProbe.body(r).contains(product.productId().toString())
                && MarketplaceEvents.LISTING_WITHDRAWN.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(EventContracts.violations(MarketplaceEvents.LISTING_WITHDRAWN, TopicProbe.body(record))).isEmpty();
        assertThat(TopicProbe.body(record)).contains("\"reason\":\"CERTIFICATE_REVOKED\"");
    }

    @Test
    void expiredCertificateAndWithdrawnProductAlsoWithdrawTheListing() {
        ProductSnapshot expiring = tea();
        ProductCertified certified = Certificates.certified(expiring, 3, Instant.now());
        TestEvents.publish(certified);
        awaitListing(expiring.productId(), "ACTIVE", 3);
        TestEvents.publish(Certificates.expired(certified, Instant.now()));
        assertThat(awaitListing(expiring.productId(), "WITHDRAWN", 3).text("/withdrawnReason")).isEqualTo("CERTIFICATE_EXPIRED");

        ProductSnapshot stopped = tea();
        TestEvents.publish(Certificates.certified(stopped, 5, Instant.now().minusSeconds(60)));
        awaitListing(stopped.productId(), "ACTIVE", 5);
        TestEvents.publish(Certificates.withdrawn(stopped, Instant.now()));
        assertThat(awaitListing(stopped.productId(), "WITHDRAWN", 5).text("/withdrawnReason")).isEqualTo("PRODUCT_WITHDRAWN");
    }

    @Test
    void revocationArrivingBeforeItsCertificateNeverShowsTheListing() {
        ProductSnapshot product = tea();
        ProductCertified certified = Certificates.certified(product, 4, Instant.now().minusSeconds(30));

        TestEvents.publish(Certificates.revoked(certified, Instant.now()));
        TestEvents.publish(certified);

        awaitListing(product.productId(), "WITHDRAWN", 4);
        assertThat(searchable(product)).isFalse();
        assertThat(announcements(product.productId(), MarketplaceEvents.LISTING_CREATED.name())).isEmpty();
    }

    @Test
    void revokingAnOlderCertificateLeavesTheNewerOneListed() {
        ProductSnapshot product = tea();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProductCertified older = Certificates.certified(product, 3, now.minus(Duration.ofDays(800)));
        ProductCertified newer = Certificates.certified(product, 5, now);

        TestEvents.publish(older);
        TestEvents.publish(newer);
        awaitListing(product.productId(), "ACTIVE", 5);
        TestEvents.publish(Certificates.revoked(older, now.plusSeconds(1)));
        ProductSnapshot marker = tea();
        TestEvents.publish(Certificates.certified(marker, 3, Instant.now()));
        awaitListing(marker.productId(), "ACTIVE", 3);

        Response listing = listing(product.productId());
        assertThat(listing.text("/status")).isEqualTo("ACTIVE");
        assertThat(listing.text("/certificateNo")).isEqualTo(newer.certificateNo());
    }

    @Test
    void newCertificateAfterRevocationBringsTheListingBackWithItsStars() {
        ProductSnapshot product = tea();
        ProductCertified first = Certificates.certified(product, 3, Instant.now().minusSeconds(120));
        TestEvents.publish(first);
        awaitListing(product.productId(), "ACTIVE", 3);
        TestEvents.publish(Certificates.revoked(first, Instant.now().minusSeconds(60)));
        awaitListing(product.productId(), "WITHDRAWN", 3);

        TestEvents.publish(Certificates.certified(product, 4, Instant.now()));

        awaitListing(product.productId(), "ACTIVE", 4);
        assertThat(searchable(product)).isTrue();
        await().atMost(WAIT).until(() -> announcements(product.productId(), MarketplaceEvents.LISTING_CREATED.name()).size() == 2);
    }

    @Test
    void newTermsFromTheProducerFlowIntoTheListingButOlderTermsNeverOverwriteNewer() {
        ProductSnapshot product = tea();
        Instant now = Instant.now();
        TestEvents.publish(Certificates.certified(product, 4, now.minusSeconds(60)));
        awaitListing(product.productId(), "ACTIVE", 4);

        TestEvents.publish(Certificates.priced(product, 139_000, 30, now));
        TestEvents.publish(Certificates.priced(product, 199_000, 80, now.minusSeconds(30)));

        await().atMost(WAIT).until(() -> listing(product.productId()).at("/wholesalePriceVnd").asLong() == 139_000);
        ConsumerRecord<String, byte[]> update = listingTopic.await(r -> TopicProbe.body(r).contains(product.productId().toString())
                && MarketplaceEvents.LISTING_UPDATED.name().equals(TopicProbe.header(r, CloudEventHeaders.TYPE)));
        assertThat(EventContracts.violations(MarketplaceEvents.LISTING_UPDATED, TopicProbe.body(update))).isEmpty();
        assertThat(TopicProbe.body(update)).contains("wholesalePriceVnd");
        ProductSnapshot marker = tea();
        TestEvents.publish(Certificates.certified(marker, 3, Instant.now()));
        awaitListing(marker.productId(), "ACTIVE", 3);
        assertThat(listing(product.productId()).at("/minOrderQuantity").asInt()).isEqualTo(30);
    }

    /** The facts of one product's history, with fresh event ids but the same content for each product. */
    private static List<DomainEvent> history(ProductSnapshot product, Instant base) {
        ProductCertified older = Certificates.certified(product, 3, base);
        ProductCertified newer = Certificates.certified(product, 5, base.plusSeconds(100));
        return List.of(older, newer, Certificates.priced(product, 120_000, 25, base.plusSeconds(150)),
                Certificates.revoked(older, base.plusSeconds(200)));
    }

    @Test
    void anyOrderOfTheSameFactsGivesTheSameListing() {
        Instant base = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        Random random = new Random(148);
        List<ProductSnapshot> products = new ArrayList<>();
        for (int run = 0; run < 6; run++) {
            ProductSnapshot product = tea();
            products.add(product);
            List<DomainEvent> events = new ArrayList<>(history(product, base));
            if (run == 1) {
                Collections.reverse(events);
            }
            else if (run > 1) {
                Collections.shuffle(events, random);
            }
            events.forEach(TestEvents::publish);
        }

        for (ProductSnapshot product : products) {
            Response listing = await().atMost(WAIT).until(() -> listing(product.productId()),
                    r -> r.status() == 200 && r.at("/stars").asInt() == 5 && r.at("/wholesalePriceVnd").asLong() == 120_000);
            assertThat(listing.text("/status")).isEqualTo("ACTIVE");
            assertThat(listing.at("/minOrderQuantity").asInt()).isEqualTo(25);
            assertThat(searchable(product)).isTrue();
        }
    }

    @Test
    void rebuildingTheProjectionFromTheSameEventsGivesTheSameListing() {
        ProductSnapshot product = tea();
        List<DomainEvent> history = history(product, Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS));
        history.forEach(TestEvents::publish);
        Response before = await().atMost(WAIT).until(() -> listing(product.productId()),
                r -> r.status() == 200 && r.at("/stars").asInt() == 5 && r.at("/wholesalePriceVnd").asLong() == 120_000);

        // An empty projection, as after dropping it to rebuild: the topics are replayed into it.
        jdbc.update("delete from listing where product_id = ?", product.productId());
        jdbc.update("delete from certification_fact where product_id = ?", product.productId());
        jdbc.update("delete from product_fact where product_id = ?", product.productId());
        for (DomainEvent event : history) {
            jdbc.update("delete from inbox_event where event_id = ?", event.eventId());
        }
        assertThat(listing(product.productId()).status()).isEqualTo(404);
        history.forEach(TestEvents::publish);

        Response after = await().atMost(WAIT).until(() -> listing(product.productId()),
                r -> r.status() == 200 && r.at("/stars").asInt() == 5 && r.at("/wholesalePriceVnd").asLong() == 120_000);
        for (String field : List.of("/id", "/status", "/certificateNo", "/stars", "/minOrderQuantity", "/name", "/validUntil")) {
            assertThat(after.at(field)).as(field).isEqualTo(before.at(field));
        }
    }

    /**
     * One poll can hold several facts of one kind about one product (the facts of a kind are
     * written in one statement): the fact that stands is the one that would have stood had they
     * been applied one by one.
     */
    @Test
    void severalFactsOfOneKindInOneBatchLeaveTheFactThatWouldStandOneByOne() {
        Instant base = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        ProductSnapshot revokedFirst = tea();
        ProductCertified revokedCertificate = Certificates.certified(revokedFirst, 4, base);
        ProductSnapshot withdrawnLast = tea();
        ProductCertified listed = Certificates.certified(withdrawnLast, 5, base);

        transaction.executeWithoutResult(status -> projection.handle(List.of(
                revokedCertificate,
                // The same certificate number again, told differently: the first stands.
                new ProductCertified(UUID.randomUUID(), base.plusSeconds(1), revokedCertificate.certificateNo(),
                        UUID.randomUUID(), revokedFirst.productId(), 2, 36.0, "PROVINCE", revokedCertificate.validFrom(),
                        revokedCertificate.validUntil(), revokedCertificate.ruleSet(), revokedFirst),
                Certificates.priced(revokedFirst, 130_000, 30, base.plusSeconds(20)),
                Certificates.priced(revokedFirst, 90_000, 10, base.plusSeconds(10)),
                Certificates.revoked(revokedCertificate, base.plusSeconds(30)),
                Certificates.expired(revokedCertificate, base.plusSeconds(40)),
                listed,
                Certificates.withdrawn(withdrawnLast, base.plusSeconds(10)),
                Certificates.withdrawn(withdrawnLast, base.plusSeconds(50)),
                Certificates.withdrawn(withdrawnLast, base.plusSeconds(50)))));

        assertThat(jdbc.queryForMap("select stars, status from certification_fact where certificate_no = ?",
                revokedCertificate.certificateNo())).containsEntry("stars", 4).containsEntry("status", "REVOKED");
        assertThat(jdbc.queryForObject("select (terms ->> 'wholesalePriceVnd')::bigint from product_fact where product_id = ?",
                Long.class, revokedFirst.productId())).isEqualTo(130_000L);
        assertThat(jdbc.queryForObject("select withdrawn_at from product_fact where product_id = ?", java.sql.Timestamp.class,
                withdrawnLast.productId()).toInstant()).isEqualTo(base.plusSeconds(50));
        Response revoked = listing(revokedFirst.productId());
        assertThat(revoked.text("/status")).isEqualTo("WITHDRAWN");
        assertThat(revoked.text("/withdrawnReason")).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(revoked.at("/stars").asInt()).isEqualTo(4);
        assertThat(revoked.at("/wholesalePriceVnd").asLong()).isEqualTo(130_000L);
        assertThat(listing(withdrawnLast.productId()).text("/withdrawnReason")).isEqualTo("PRODUCT_WITHDRAWN");
    }
}
