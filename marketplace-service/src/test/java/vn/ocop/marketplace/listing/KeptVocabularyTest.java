package vn.ocop.marketplace.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.marketplace.Certificates;
import vn.ocop.marketplace.MarketplaceIntegrationTest;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the vocabulary says about typed words is kept between its changes, which PostgreSQL
 * announces: a repeated search does not read it again, and a word new to the vocabulary is found
 * as soon as its listing is committed.
 */
class KeptVocabularyTest extends MarketplaceIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SearchConnections searches;

    @Autowired
    private VocabularyChanges vocabulary;

    @Autowired
    private JdbcConnectionDetails database;

    @Autowired
    private PlatformTransactionManager transactions;

    /** A repository of its own, so that only this test's searches count its vocabulary reads. */
    private Listings listings(VocabularyChanges changes) {
        return new Listings(jdbc, searches.jdbc(), searches.prepared(), changes);
    }

    private static List<String> names(List<Listings.Found> found) {
        return found.stream().map(f -> f.listing().name()).toList();
    }

    private static ListingQuery query(String q) {
        return ListingQuery.of(q, null, null, null, null, null);
    }

    @Test
    void aRepeatedSearchReadsTheVocabularyOnceWhileItIsUnchanged() {
        String word = Certificates.uniqueWord();
        TestEvents.publish(Certificates.certified(Certificates.product("Chè " + word, "HTX Chè Tân Cương", 2, "2.1",
                "Thái Nguyên", 120_000, 10), 4, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> listings(null).search(query(word), null, 20).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> vocabulary.generation() != VocabularyChanges.NONE);
        Listings listings = listings(vocabulary);

        long before = listings.vocabularyReads();
        assertThat(names(listings.search(query("che " + word), null, 20))).containsExactly("Chè " + word);
        assertThat(listings.vocabularyReads()).isEqualTo(before + 1);
        assertThat(names(listings.search(query("Chè " + word), null, 20))).containsExactly("Chè " + word);
        assertThat(names(listings.search(query(word + " che"), null, 20))).containsExactly("Chè " + word);
        // "Chè" is a typed word of its own; "che" and the word were kept.
        assertThat(listings.vocabularyReads()).isEqualTo(before + 2);

        // A typo: its alternatives are read once as well.
        String typo = Certificates.typo(word);
        assertThat(names(listings.search(query(typo), null, 20))).containsExactly("Chè " + word);
        long afterTypo = listings.vocabularyReads();
        assertThat(names(listings.search(query(typo), null, 20))).containsExactly("Chè " + word);
        assertThat(listings.vocabularyReads()).isEqualTo(afterTypo);
    }

    @Test
    void aWordNewToTheVocabularyIsFoundOnceItsListingIsCommitted() {
        Listings listings = listings(vocabulary);
        await().atMost(Duration.ofSeconds(10)).until(() -> vocabulary.generation() != VocabularyChanges.NONE);
        String word = Certificates.uniqueWord();
        // Not in the vocabulary: kept as a word no listing holds; its typo has no alternatives yet.
        assertThat(listings.search(query(word), null, 20)).isEmpty();
        assertThat(listings.search(query(Certificates.typo(word)), null, 20)).isEmpty();
        long generation = vocabulary.generation();

        TestEvents.publish(Certificates.certified(Certificates.product("Mật ong " + word, "HTX Ong Mật", 1, "1.1",
                "Hà Giang", 250_000, 5), 4, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from listing where name = ?")
                .param("Mật ong " + word).query(Integer.class).single() == 1);

        // Committed with a word the vocabulary did not have: announced, and read again.
        await().atMost(Duration.ofSeconds(2)).until(() -> vocabulary.generation() != generation);
        assertThat(names(listings.search(query(word), null, 20))).containsExactly("Mật ong " + word);
        assertThat(names(listings.search(query(Certificates.typo(word)), null, 20))).containsExactly("Mật ong " + word);
    }

    @Test
    void aTransactionReadsTheVocabularyWithItsOwnNewWords() {
        Listings listings = listings(vocabulary);
        await().atMost(Duration.ofSeconds(10)).until(() -> vocabulary.generation() != VocabularyChanges.NONE);
        String word = Certificates.uniqueWord();
        assertThat(listings.search(query(word), null, 20)).isEmpty();

        // A listing written in a transaction is matched in it (as open purchase requests are
        // matched against a new listing) before its words are committed or announced.
        List<String> matched = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("""
                    insert into listing (id, product_id, producer_id, producer_name, name, product_group, subgroup,
                        description, story, unit, wholesale_price_vnd, min_order_quantity, province, commune, stars,
                        score, certificate_no, valid_until, certified_at, status)
                    values (?, ?, ?, 'HTX Gạo Sạch', ?, 1, '1.1', 'Gạo thơm', '', 'kg', 30000, 10, 'Cần Thơ', null, 3,
                        70, ?, date '2030-01-01', now(), 'ACTIVE')
                    """).params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Gạo " + word,
                    "KEPT-" + word).update();
            List<String> found = listings.matching(query(word), 10).stream().map(Listing::name).toList();
            status.setRollbackOnly();
            return found;
        });
        assertThat(matched).containsExactly("Gạo " + word);
        // Rolled back: never in the vocabulary, as before.
        assertThat(listings.search(query(word), null, 20)).isEmpty();
    }

    @Test
    void whileNotListeningTheVocabularyIsReadForEverySearch() {
        VocabularyChanges changes = new VocabularyChanges(database.getJdbcUrl(), database.getUsername(),
                database.getPassword());
        Listings listings = listings(changes);
        String word = Certificates.uniqueWord();

        // A word no listing holds: its words and then its alternatives are read.
        long before = listings.vocabularyReads();
        listings.search(query("che " + word), null, 20);
        long perSearch = listings.vocabularyReads() - before;
        assertThat(perSearch).isPositive();
        listings.search(query("che " + word), null, 20);
        assertThat(listings.vocabularyReads()).isEqualTo(before + 2 * perSearch);

        changes.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.generation() != VocabularyChanges.NONE);
            listings.search(query("che " + word), null, 20);
            listings.search(query("che " + word), null, 20);
            assertThat(listings.vocabularyReads()).isEqualTo(before + 3 * perSearch);
        }
        finally {
            changes.stop();
        }
        assertThat(changes.generation()).isEqualTo(VocabularyChanges.NONE);
        listings.search(query("che " + word), null, 20);
        assertThat(listings.vocabularyReads()).isEqualTo(before + 4 * perSearch);
    }
}
