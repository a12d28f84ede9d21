package vn.ocop.marketplace.order;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.web.Cursor;

/** Orders in marketplace's database. */
@Repository
class Orders {

    private static final String SELECT = """
            select id, retailer_id, retailer_name, listing_id, product_id, producer_id, product_name, province, quantity,
                unit, unit_price_vnd, total_vnd, delivery_province, delivery_address, note, status, status_reason,
                created_at, updated_at
            from purchase_order
            """;

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the order unless the retailer already used this idempotency key; true when inserted. */
    boolean insert(Order o, @Nullable String idempotencyKey) {
        return jdbc.sql("""
                insert into purchase_order (id, retailer_id, retailer_name, listing_id, product_id, producer_id,
                    product_name, province, quantity, unit, unit_price_vnd, total_vnd, delivery_province,
                    delivery_address, note, status, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (retailer_id, idempotency_key) do nothing
                """)
                .params(o.id(), o.retailerId(), o.retailerName(), o.listingId(), o.productId(), o.producerId(),
                        o.productName(), o.province(), o.quantity(), o.unit(), o.unitPriceVnd(), o.totalVnd(),
                        o.deliveryProvince(), o.deliveryAddress(), o.note(), o.status().name(), idempotencyKey)
                .update() == 1;
    }

    Optional<Order> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Order.class).optional();
    }

    void saveStatus(Order order) {
        jdbc.sql("update purchase_order set status = ?, status_reason = ?, updated_at = now() where id = ?")
                .params(order.status().name(), order.statusReason(), order.id())
                .update();
    }

    Optional<Order> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Order.class).optional();
    }

    Optional<Order> findByIdempotencyKey(UUID retailerId, String key) {
        return jdbc.sql(SELECT + " where retailer_id = ? and idempotency_key = ?").params(retailerId, key)
                .query(Order.class).optional();
    }

    List<Order> list(@Nullable UUID retailerId, @Nullable UUID producerId, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        List<Object> params = new ArrayList<>();
        if (retailerId != null) {
            sql.append(" and retailer_id = ?");
            params.add(retailerId);
        }
        if (producerId != null) {
            sql.append(" and producer_id = ?");
            params.add(producerId);
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Order.class).list();
    }
}
