package vn.ocop.marketplace.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.evaluation.ProductCertified;

/**
 * What marketplace knows about each product from the other services' events. Every write is
 * idempotent and keeps the newest fact, so facts do not depend on the order events arrive in.
 */
@Repository
class ListingFacts {

    /** A certificate as issued, with what has happened to it since. */
    record Certificate(String certificateNo, UUID productId, Instant certifiedAt, int stars, double score,
            LocalDate validUntil, ProductSnapshot snapshot, CertificateStatus status) {
    }

    enum CertificateStatus {
        ACTIVE,
        REVOKED,
        EXPIRED
    }

    /** The producer's latest terms for a product and whether it was withdrawn. */
    record Product(@Nullable ProductSnapshot terms, @Nullable Instant termsAt, @Nullable Instant withdrawnAt,
            @Nullable String withdrawnReason) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** Parsed snapshots by certificate number, the most recently used few thousand. */
    private final Map<String, ProductSnapshot> snapshots = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ProductSnapshot> eldest) {
                    return size() > 4096;
                }
            });

    ListingFacts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises all work on one product's listing, whichever topic and instance the event came from. */
    void lock(UUID productId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param("listing:" + productId).query().singleRow();
    }

    void certified(ProductCertified c) {
        // A revocation or expiry may have arrived first and left a row without the certificate's details.
        int written = jdbc.sql("""
                insert into certification_fact (certificate_no, product_id, certified_at, stars, score, valid_until, snapshot)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (certificate_no) do update set certified_at = excluded.certified_at, stars = excluded.stars,
                    score = excluded.score, valid_until = excluded.valid_until, snapshot = excluded.snapshot
                where certification_fact.snapshot is null
                """)
                .params(c.certificateNo(), c.productId(), Timestamp.from(c.occurredAt()), c.stars(), c.score(),
                        c.validUntil(), json.writeValueAsString(c.product()))
                .update();
        if (written == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshots.put(c.certificateNo(), c.product());
                }
            });
        }
    }

    /** A certificate ends at most once: the first revocation or expiry stands. */
    void ended(String certificateNo, UUID productId, CertificateStatus status, Instant at) {
        jdbc.sql("""
                insert into certification_fact (certificate_no, product_id, status, status_at) values (?, ?, ?, ?)
                on conflict (certificate_no) do update set status = excluded.status, status_at = excluded.status_at
                where certification_fact.status = 'ACTIVE'
                """)
                .params(certificateNo, productId, status.name(), Timestamp.from(at))
                .update();
    }

    void terms(ProductSnapshot terms, Instant at) {
        jdbc.sql("""
                insert into product_fact (product_id, terms, terms_at) values (?, ?::jsonb, ?)
                on conflict (product_id) do update set terms = excluded.terms, terms_at = excluded.terms_at
                where product_fact.terms_at is null or product_fact.terms_at < excluded.terms_at
                """)
                .params(terms.productId(), json.writeValueAsString(terms), Timestamp.from(at))
                .update();
    }

    void withdrawn(UUID productId, Instant at, @Nullable String reason) {
        jdbc.sql("""
                insert into product_fact (product_id, withdrawn_at, withdrawn_reason) values (?, ?, ?)
                on conflict (product_id) do update set withdrawn_at = excluded.withdrawn_at,
                    withdrawn_reason = excluded.withdrawn_reason
                where product_fact.withdrawn_at is null or product_fact.withdrawn_at < excluded.withdrawn_at
                """)
                .params(productId, Timestamp.from(at), reason)
                .update();
    }

    /** The most recently issued certificate of a product whose details are known. */
    Optional<Certificate> latestCertificate(UUID productId) {
        return jdbc.sql("""
                select * from certification_fact where product_id = ? and snapshot is not null
                order by certified_at desc, certificate_no desc limit 1
                """)
                .param(productId)
                .query(this::certificate)
                .optional();
    }

    Optional<Product> product(UUID productId) {
        return jdbc.sql("select * from product_fact where product_id = ?").param(productId).query((rs, row) -> {
            String terms = rs.getString("terms");
            return new Product(terms == null ? null : json.readValue(terms, ProductSnapshot.class),
                    instant(rs, "terms_at"), instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"));
        }).optional();
    }

    private Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getString("certificate_no"), rs.getObject("product_id", UUID.class),
                rs.getTimestamp("certified_at").toInstant(), rs.getInt("stars"), rs.getDouble("score"),
                rs.getObject("valid_until", LocalDate.class), snapshot(rs.getString("certificate_no"), rs.getString("snapshot")),
                CertificateStatus.valueOf(rs.getString("status")));
    }

    /**
     * A certificate's snapshot is written once and never changes (evaluation issues a certificate
     * number with one snapshot), so it is parsed once: the
     * recompute that follows every event would otherwise read back, and parse, the JSON it has
     * just written (a tenth of the consumer's CPU at a steady flow of certifications).
     */
    private ProductSnapshot snapshot(String certificateNo, String text) {
        ProductSnapshot known = snapshots.get(certificateNo);
        if (known != null) {
            return known;
        }
        ProductSnapshot parsed = json.readValue(text, ProductSnapshot.class);
        snapshots.put(certificateNo, parsed);
        return parsed;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
