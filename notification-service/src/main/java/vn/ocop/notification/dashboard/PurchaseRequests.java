package vn.ocop.notification.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.marketplace.PurchaseRequestClosed;
import vn.ocop.contracts.marketplace.PurchaseRequestPosted;

/**
 * Purchase requests by id, so a closure (which does not carry the province) counts where the
 * request was counted, once, even when it arrives first.
 */
@Repository
class PurchaseRequests {

    record Row(UUID requestId, @Nullable String province, @Nullable Instant postedAt,
            @Nullable Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final DashboardCounters counters;

    PurchaseRequests(JdbcClient jdbc, DashboardCounters counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    void posted(PurchaseRequestPosted e) {
        Optional<Row> known = find(e.requestId());
        if (known.isEmpty()) {
            jdbc.sql("insert into purchase_request (request_id, province, posted_at) values (?, ?, ?)")
                    .params(e.requestId(), e.province(), Timestamp.from(e.occurredAt()))
                    .update();
            counters.add(Metrics.REQUESTS_POSTED, e.occurredAt(), e.province(), 1);
            return;
        }
        Row row = known.get();
        if (row.postedAt() == null) {
            jdbc.sql("update purchase_request set province = ?, posted_at = ? where request_id = ?")
                    .params(e.province(), Timestamp.from(e.occurredAt()), e.requestId())
                    .update();
            counters.add(Metrics.REQUESTS_POSTED, e.occurredAt(), e.province(), 1);
            if (row.closedAt() != null) {
                counters.add(Metrics.REQUESTS_CLOSED, row.closedAt(), e.province(), 1);
            }
        }
    }

    void closed(PurchaseRequestClosed e) {
        Optional<Row> known = find(e.requestId());
        if (known.isEmpty()) {
            jdbc.sql("insert into purchase_request (request_id, closed_at) values (?, ?)")
                    .params(e.requestId(), Timestamp.from(e.occurredAt()))
                    .update();
            return;
        }
        Row row = known.get();
        if (row.closedAt() == null) {
            jdbc.sql("update purchase_request set closed_at = ? where request_id = ?")
                    .params(Timestamp.from(e.occurredAt()), e.requestId())
                    .update();
            if (row.postedAt() != null) {
                counters.add(Metrics.REQUESTS_CLOSED, e.occurredAt(), row.province(), 1);
            }
        }
    }

    Optional<String> provinceOf(UUID requestId) {
        return find(requestId).map(Row::province);
    }

    private Optional<Row> find(UUID requestId) {
        return jdbc.sql("select request_id, province, posted_at, closed_at from purchase_request where request_id = ? for update")
                .param(requestId)
                .query(Row.class)
                .optional();
    }
}
