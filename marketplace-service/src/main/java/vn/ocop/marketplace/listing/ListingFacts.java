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
import vn.ocop.messaging.transaction.RoundTrip;

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

    ListingFacts(JdbcClient jdbc, JsonMapper json) {
        this.json = json;
        this.locks = new KeyLocks(jdbc, "listing:", 7);
    }

    /**
     * Serialises all work on these products' listings, whichever topic and instance the events
     * came from: the trip locks them before anything else it does. The locks are taken in one
     * order (by key), so two transactions that share products cannot each hold one the other
     * waits for.
     */
    void lock(Collection<UUID> productIds, RoundTrip trip) {
        locks.lock(productIds, trip);
    }

    /**
     * Adds to the trip what the events say, one statement per kind of fact. The writes keep the
     * newest fact whatever order they run in, so grouping them by kind changes nothing; within a
     * kind, the fact that would have stood had the events been written one by one is the one
     * written (a statement may not change a row twice).
     */
    void record(List<DomainEvent> events, RoundTrip trip) {
        Map<String, ProductCertified> certified = new LinkedHashMap<>();
        Map<String, Object[]> ended = new LinkedHashMap<>();
        Map<UUID, Timed> terms = new LinkedHashMap<>();
        Map<UUID, Timed> withdrawn = new LinkedHashMap<>();
        for (DomainEvent event : events) {
            switch (event) {
                // A certificate is issued once, and ends at most once: the first revocation or expiry stands.
                case ProductCertified c -> certified.putIfAbsent(c.certificateNo(), c);
                case CertificationRevoked r -> ended.putIfAbsent(r.certificateNo(), new Object[] { r.certificateNo(),
                        r.productId(), CertificateStatus.REVOKED.name(), r.occurredAt() });
                case CertificationExpired e -> ended.putIfAbsent(e.certificateNo(), new Object[] { e.certificateNo(),
                        e.productId(), CertificateStatus.EXPIRED.name(), e.occurredAt() });
                case ProductSubmitted s -> newest(terms, s.productId(), s.occurredAt(), terms(s.product(), s.occurredAt()));
                case ProductUpdated u -> newest(terms, u.productId(), u.occurredAt(), terms(u.product(), u.occurredAt()));
                case ProductWithdrawn w -> newest(withdrawn, w.productId(), w.occurredAt(),
                        new Object[] { w.productId(), w.occurredAt(), w.reason() });
                default -> throw new IllegalArgumentException("not a listing fact: " + event.getClass().getSimpleName());
            }
        }
        certified(List.copyOf(certified.values()), trip);
        if (!ended.isEmpty()) {
            Columns rows = new Columns(List.copyOf(ended.values()));
            trip.add("""
                    insert into certification_fact (certificate_no, product_id, status, status_at)
                    select * from unnest(?::text[], ?::uuid[], ?::text[], ?::timestamptz[])
                    on conflict (certificate_no) do update set status = excluded.status, status_at = excluded.status_at
                    where certification_fact.status = 'ACTIVE'
                    """, rows.text(0), rows.uuids(1), rows.text(2), rows.text(3));
        }
        if (!terms.isEmpty()) {
            Columns rows = new Columns(terms.values().stream().map(Timed::row).toList());
            trip.add("""
                    insert into product_fact (product_id, terms, terms_at)
                    select * from unnest(?::uuid[], ?::jsonb[], ?::timestamptz[])
                    on conflict (product_id) do update set terms = excluded.terms, terms_at = excluded.terms_at
                    where product_fact.terms_at is null or product_fact.terms_at < excluded.terms_at
                    """, rows.uuids(0), rows.text(1), rows.text(2));
        }
        if (!withdrawn.isEmpty()) {
            Columns rows = new Columns(withdrawn.values().stream().map(Timed::row).toList());
            trip.add("""
                    insert into product_fact (product_id, withdrawn_at, withdrawn_reason)
                    select * from unnest(?::uuid[], ?::timestamptz[], ?::text[])
                    on conflict (product_id) do update set withdrawn_at = excluded.withdrawn_at,
                        withdrawn_reason = excluded.withdrawn_reason
                    where product_fact.withdrawn_at is null or product_fact.withdrawn_at < excluded.withdrawn_at
                    """, rows.uuids(0), rows.text(1), rows.text(2));
        }
    }

    /** Keeps a product's latest fact of a kind; of two at the same time, the first. */
    private static void newest(Map<UUID, Timed> facts, UUID productId, Instant at, Object[] fact) {
        facts.merge(productId, new Timed(at, fact), (kept, next) -> next.at().isAfter(kept.at()) ? next : kept);
    }

    private record Timed(Instant at, Object[] row) {
    }

    private Object[] terms(ProductSnapshot terms, Instant at) {
        return new Object[] { terms.productId(), json.writeValueAsString(terms), at };
    }

    /** Rows turned into one array per column, for {@code unnest}. */
    private record Columns(List<Object[]> rows) {

        UUID[] uuids(int column) {
            return rows.stream().map(row -> (UUID) row[column]).toArray(UUID[]::new);
        }

        /** Values as text, cast by the statement; times as ISO-8601 instants. */
        String[] text(int column) {
            return rows.stream().map(row -> row[column] == null ? null : row[column].toString()).toArray(String[]::new);
        }
    }

    private void certified(List<ProductCertified> certified, RoundTrip trip) {
        if (certified.isEmpty()) {
            return;
        }
        Columns rows = new Columns(certified.stream().map(c -> new Object[] { c.certificateNo(), c.productId(),
                c.occurredAt(), c.stars(), c.score(), c.validUntil(), json.writeValueAsString(c.product()) }).toList());
        List<String> stored = new ArrayList<>();
        // A revocation or expiry may have arrived first and left a row without the certificate's details.
        trip.query("""
                insert into certification_fact (certificate_no, product_id, certified_at, stars, score, valid_until, snapshot)
                select * from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::int[], ?::numeric[], ?::date[], ?::jsonb[])
                on conflict (certificate_no) do update set certified_at = excluded.certified_at, stars = excluded.stars,
                    score = excluded.score, valid_until = excluded.valid_until, snapshot = excluded.snapshot
                where certification_fact.snapshot is null
                returning certificate_no
                """, rs -> stored.add(rs.getString(1)), rows.text(0), rows.uuids(1), rows.text(2), rows.text(3),
                rows.text(4), rows.text(5), rows.text(6));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<String, ProductSnapshot> issued = new HashMap<>();
            certified.forEach(c -> issued.put(c.certificateNo(), c.product()));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored.forEach(certificateNo -> snapshots.put(certificateNo, issued.get(certificateNo)));
                }
            });
        }
    }

    /** A product's most recently issued certificate, with the producer's latest terms when known. */
    record Known(Certificate certificate, @Nullable Product product) {
    }

    /**
     * Adds to the trip the reading of, for each product that has a certificate whose details are
     * known, that certificate (the most recently issued) and the product's terms. The map it
     * returns is filled when the trip runs.
     */
    Map<UUID, Known> latest(Collection<UUID> productIds, RoundTrip trip) {
        Map<UUID, Known> latest = new HashMap<>();
        trip.query("""
                select c.*, p.product_id is not null as has_product, p.terms, p.terms_at, p.withdrawn_at,
                    p.withdrawn_reason
                from (select distinct on (product_id) * from certification_fact
                      where product_id = any(?) and snapshot is not null
                      order by product_id, certified_at desc, certificate_no desc) c
                left join product_fact p on p.product_id = c.product_id
                """, rs -> {
                    Certificate certificate = certificate(rs);
                    latest.put(certificate.productId(), new Known(certificate,
                            rs.getBoolean("has_product") ? product(rs) : null));
                }, (Object) productIds.toArray(UUID[]::new));
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
