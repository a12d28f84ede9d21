package vn.ocop.notification.lead;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.marketplace.DemandMatched;
import vn.ocop.contracts.marketplace.MarketplaceEvents;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.messaging.inbox.EventHandler;
import vn.ocop.web.Cursor;

/**
 * Leads in notification's database: one per order, and one per purchase request and producer it
 * matched (the source and producer are unique among leads of a kind).
 */
@Repository
class Leads {

    private static final String SELECT = """
            select id, producer_id, kind, source_id, buyer_id, buyer_name, product_id, product_name, quantity, unit,
                value_vnd, status, occurred_at, status_changed_at
            from lead
            """;

    private final JdbcClient jdbc;

    Leads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void fromOrder(OrderPlaced order) {
        jdbc.sql("""
                insert into lead (id, producer_id, kind, source_id, buyer_id, buyer_name, product_id, product_name,
                    quantity, unit, value_vnd, status, occurred_at)
                values (?, ?, 'ORDER', ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)
                on conflict (kind, source_id, producer_id) do nothing
                """)
                .params(UUID.randomUUID(), order.producerId(), order.orderId(), order.retailerId(), order.retailerName(),
                        order.productId(), order.productName(), order.quantity(), order.unit(), order.totalVnd(),
                        Timestamp.from(order.occurredAt()))
                .update();
    }

    void fromDemandMatch(DemandMatched match) {
        Long value = match.maxPriceVnd() == null ? null : match.maxPriceVnd() * match.quantity();
        jdbc.sql("""
                insert into lead (id, producer_id, kind, source_id, buyer_id, buyer_name, product_id, product_name,
                    quantity, unit, value_vnd, status, occurred_at)
                values (?, ?, 'DEMAND_MATCH', ?, ?, ?, null, ?, ?, ?, ?, 'NEW', ?)
                on conflict (kind, source_id, producer_id) do nothing
                """)
                .params(UUID.randomUUID(), match.producerId(), match.requestId(), match.retailerId(),
                        match.retailerName(), String.join(", ", match.productNames()), match.quantity(), match.unit(),
                        value, Timestamp.from(match.occurredAt()))
                .update();
    }

    Optional<Lead> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Lead.class).optional();
    }

    Optional<Lead> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Lead.class).optional();
    }

    void saveStatus(Lead lead) {
        jdbc.sql("update lead set status = ?, status_changed_at = ? where id = ?")
                .params(lead.status().name(), lead.statusChangedAt() == null ? null : Timestamp.from(lead.statusChangedAt()),
                        lead.id())
                .update();
    }

    List<Lead> forProducer(UUID producerId, @Nullable LeadStatus status, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where producer_id = ?");
        List<Object> params = new ArrayList<>(List.of(producerId));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (after != null) {
            sql.append(" and (occurred_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Lead.class).list();
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<OrderPlaced> leadFromOrder(Leads leads) {
            return EventHandler.on(MarketplaceEvents.ORDER_PLACED, leads::fromOrder);
        }

        @Bean
        EventHandler<DemandMatched> leadFromDemandMatch(Leads leads) {
            return EventHandler.on(MarketplaceEvents.DEMAND_MATCHED, leads::fromDemandMatch);
        }
    }
}
