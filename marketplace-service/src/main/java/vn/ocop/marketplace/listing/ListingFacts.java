package vn.ocop.marketplace.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductSubmitted;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.transaction.KeyLocks;

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
    private final JdbcTemplate batches;
    private final JsonMapper json;
    private final KeyLocks locks;
    /** Parsed snapshots by certificate number, the most recently used few thousand. */
    private final Map<String, ProductSnapshot> snapshots = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ProductSnapshot> eldest) {
                    return size() > 4096;
                }
            });

    ListingFacts(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.locks = new KeyLocks(jdbc, "listing:", 7);
    }

    /**
     * Serialises all work on these products' listings, whichever topic and instance the events
     * came from. The locks are taken in one order (by key), so two transactions that share
     * products cannot each hold one the other waits for.
     */
    void lock(Collection<UUID> productIds) {
        locks.lock(productIds);
    }

    /**
     * Records what the events say, in at most one statement per kind of fact. The writes keep the
     * newest fact whatever order they run in, so grouping them by kind changes nothing.
     */
    void record(List<DomainEvent> events) {
        List<ProductCertified> certified = new ArrayList<>();
        List<Object[]> ended = new ArrayList<>();
        List<Object[]> terms = new ArrayList<>();
        List<Object[]> withdrawn = new ArrayList<>();
        for (DomainEvent event : events) {
            switch (event) {
                case ProductCertified c -> certified.add(c);
                case CertificationRevoked r -> ended.add(new Object[] { r.certificateNo(), r.productId(),
                        CertificateStatus.REVOKED.name(), Timestamp.from(r.occurredAt()) });
                case CertificationExpired e -> ended.add(new Object[] { e.certificateNo(), e.productId(),
                        CertificateStatus.EXPIRED.name(), Timestamp.from(e.occurredAt()) });
                case ProductSubmitted s -> terms.add(terms(s.product(), s.occurredAt()));
                case ProductUpdated u -> terms.add(terms(u.product(), u.occurredAt()));
                case ProductWithdrawn w -> withdrawn.add(new Object[] { w.productId(), Timestamp.from(w.occurredAt()),
                        w.reason() });
                default -> throw new IllegalArgumentException("not a listing fact: " + event.getClass().getSimpleName());
            }
        }
        certified(certified);
        // A certificate ends at most once: the first revocation or expiry stands.
        write("""
                insert into certification_fact (certificate_no, product_id, status, status_at) values (?, ?, ?, ?)
                on conflict (certificate_no) do update set status = excluded.status, status_at = excluded.status_at
                where certification_fact.status = 'ACTIVE'
                """, ended);
        write("""
                insert into product_fact (product_id, terms, terms_at) values (?, ?::jsonb, ?)
                on conflict (product_id) do update set terms = excluded.terms, terms_at = excluded.terms_at
                where product_fact.terms_at is null or product_fact.terms_at < excluded.terms_at
                """, terms);
        write("""
                insert into product_fact (product_id, withdrawn_at, withdrawn_reason) values (?, ?, ?)
                on conflict (product_id) do update set withdrawn_at = excluded.withdrawn_at,
                    withdrawn_reason = excluded.withdrawn_reason
                where product_fact.withdrawn_at is null or product_fact.withdrawn_at < excluded.withdrawn_at
                """, withdrawn);
    }

    private Object[] terms(ProductSnapshot terms, Instant at) {
        return new Object[] { terms.productId(), json.writeValueAsString(terms), Timestamp.from(at) };
    }

    private void certified(List<ProductCertified> certified) {
        // A revocation or expiry may have arrived first and left a row without the certificate's details.
        int[] written = write("""
                insert into certification_fact (certificate_no, product_id, certified_at, stars, score, valid_until, snapshot)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (certificate_no) do update set certified_at = excluded.certified_at, stars = excluded.stars,
                    score = excluded.score, valid_until = excluded.valid_until, snapshot = excluded.snapshot
                where certification_fact.snapshot is null
                """, certified.stream().map(c -> new Object[] { c.certificateNo(), c.productId(),
                        Timestamp.from(c.occurredAt()), c.stars(), c.score(), c.validUntil(),
                        json.writeValueAsString(c.product()) }).toList());
        List<ProductCertified> stored = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            if (written[i] != 0) {
                stored.add(certified.get(i));
            }
        }
        if (!stored.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored.forEach(c -> snapshots.put(c.certificateNo(), c.product()));
                }
            });
        }
    }

    /** Update counts per row (a batch of several rows goes to PostgreSQL in one round trip). */
    private int[] write(String sql, List<Object[]> rows) {
        return rows.isEmpty() ? new int[0] : batches.batchUpdate(sql, rows);
    }

    /** A product's most recently issued certificate, with the producer's latest terms when known. */
    record Known(Certificate certificate, @Nullable Product product) {
    }

    /**
     * For each product that has a certificate whose details are known: that certificate (the most
     * recently issued) and the product's terms, in one statement.
     */
    Map<UUID, Known> latest(Collection<UUID> productIds) {
        Map<UUID, Known> latest = new HashMap<>();
        jdbc.sql("""
                select c.*, p.product_id is not null as has_product, p.terms, p.terms_at, p.withdrawn_at,
                    p.withdrawn_reason
                from (select distinct on (product_id) * from certification_fact
                      where product_id = any(?) and snapshot is not null
                      order by product_id, certified_at desc, certificate_no desc) c
                left join product_fact p on p.product_id = c.product_id
                """)
                .param(productIds.toArray(UUID[]::new))
                .query(rs -> {
                    Certificate certificate = certificate(rs);
                    latest.put(certificate.productId(), new Known(certificate,
                            rs.getBoolean("has_product") ? product(rs) : null));
                });
        return latest;
    }

    private Product product(ResultSet rs) throws SQLException {
        String terms = rs.getString("terms");
        return new Product(terms == null ? null : json.readValue(terms, ProductSnapshot.class), instant(rs, "terms_at"),
                instant(rs, "withdrawn_at"), rs.getString("withdrawn_reason"));
    }

    private Certificate certificate(ResultSet rs) throws SQLException {
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
