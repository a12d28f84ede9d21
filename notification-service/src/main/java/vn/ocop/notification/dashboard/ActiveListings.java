package vn.ocop.notification.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.contracts.marketplace.ListingWithdrawn;

/**
 * Listings by id, so that the active counts move once per listing: a withdrawal (which does not
 * carry the group) takes off what its creation added, a repeated creation counts nothing, and a
 * withdrawal that arrives before its creation is counted when the creation comes.
 */
@Repository
class ActiveListings {

    record Row(UUID listingId, @Nullable Integer productGroup, @Nullable String province,
            @Nullable Instant createdAt, @Nullable Instant withdrawnAt) {
    }

    private final JdbcClient jdbc;
    private final DashboardCounters counters;

    ActiveListings(JdbcClient jdbc, DashboardCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    void created(ListingCreated e) {
        Optional<Row> known = find(e.listingId());
        if (known.isEmpty()) {
            jdbc.sql("insert into active_listing (listing_id, product_group, province, created_at) values (?, ?, ?, ?)")
                    .params(e.listingId(), e.group(), e.province(), Timestamp.from(e.occurredAt()))
                    .update();
            countCreated(e);
            return;
        }
        Row row = known.get();
        if (row.createdAt() == null) {
            // Its withdrawal came first: count both now, so the listing ends up not active.
            update(e.listingId(), e.group(), e.province(), e.occurredAt(), row.withdrawnAt());
            countCreated(e);
            if (row.withdrawnAt() != null) {
                countWithdrawn(e.group(), e.province(), row.withdrawnAt());
            }
        }
        else if (row.withdrawnAt() != null && row.withdrawnAt().isBefore(e.occurredAt())) {
            // Listed again after a withdrawal (a renewed certificate).
            update(e.listingId(), e.group(), e.province(), e.occurredAt(), null);
            countCreated(e);
        }
    }

    void withdrawn(ListingWithdrawn e) {
        Optional<Row> known = find(e.listingId());
        if (known.isEmpty()) {
            jdbc.sql("insert into active_listing (listing_id, province, withdrawn_at) values (?, ?, ?)")
                    .params(e.listingId(), e.province(), Timestamp.from(e.occurredAt()))
                    .update();
            return;
        }
        Row row = known.get();
        if (row.createdAt() == null || row.withdrawnAt() != null || e.occurredAt().isBefore(row.createdAt())) {
            return;
        }
        update(e.listingId(), row.productGroup(), row.province(), row.createdAt(), e.occurredAt());
        countWithdrawn(row.productGroup(), row.province(), e.occurredAt());
    }

    /** The province of the first of these listings this service knows. */
    Optional<String> provinceOf(List<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select province from active_listing where listing_id = any(?) and province is not null limit 1")
                .param(listingIds.toArray(UUID[]::new))
                .query(String.class)
                .optional();
    }

    private Optional<Row> find(UUID listingId) {
        return jdbc.sql("""
                select listing_id, product_group, province, created_at, withdrawn_at
                from active_listing where listing_id = ? for update
                """)
                .param(listingId)
                .query(Row.class)
                .optional();
    }

    private void update(UUID listingId, @Nullable Integer group, @Nullable String province, @Nullable Instant createdAt,
            @Nullable Instant withdrawnAt) {
        jdbc.sql("""
                update active_listing set product_group = ?, province = ?, created_at = ?, withdrawn_at = ?
                where listing_id = ?
                """)
                .params(group, province, createdAt == null ? null : Timestamp.from(createdAt),
                        withdrawnAt == null ? null : Timestamp.from(withdrawnAt), listingId)
                .update();
    }

    private void countCreated(ListingCreated e) {
        counters.add(Metrics.LISTED, e.occurredAt(), e.province(), 1);
        counters.add(Metrics.LISTED_GROUP + e.group(), e.occurredAt(), e.province(), 1);
    }

    private void countWithdrawn(@Nullable Integer group, @Nullable String province, Instant at) {
        counters.add(Metrics.WITHDRAWN, at, province, 1);
        if (group != null) {
            counters.add(Metrics.WITHDRAWN_GROUP + group, at, province, 1);
        }
    }
}
