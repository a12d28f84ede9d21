package vn.ocop.catalog.product;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.web.Cursor;

/** Products in catalog's database. */
@Repository
class Products {

    private final JdbcClient jdbc;

    Products(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Product insert(UUID id, ProductController.NewProduct p) {
        return jdbc.sql("""
                insert into product (id, producer_id, name, product_group, subgroup, description, story, unit,
                    wholesale_price_vnd, min_order_quantity, origin_province, origin_commune, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT')
                returning *
                """)
                .params(id, p.producerId(), p.name().strip(), p.group(), p.subgroup().strip(), p.description(),
                        p.story(), p.unit().strip(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                        p.origin().province().strip(), p.origin().commune())
                .query(Product.class)
                .single();
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql("select * from product where id = ?").param(id).query(Product.class).optional();
    }

    /** Reads the product and locks its row until the transaction ends: changes to one product queue up. */
    Optional<Product> findForUpdate(UUID id) {
        return jdbc.sql("select * from product where id = ? for update").param(id).query(Product.class).optional();
    }

    Product saveDescription(Product product) {
        return jdbc.sql("""
                update product set name = ?, product_group = ?, subgroup = ?, description = ?, story = ?, unit = ?,
                    wholesale_price_vnd = ?, min_order_quantity = ?, origin_province = ?, origin_commune = ?,
                    updated_at = now()
                where id = ?
                returning *
                """)
                .params(product.name(), product.productGroup(), product.subgroup(), product.description(),
                        product.story(), product.unit(), product.wholesalePriceVnd(), product.minOrderQuantity(),
                        product.originProvince(), product.originCommune(), product.id())
                .query(Product.class)
                .single();
    }

    Product saveOutcome(Product product) {
        return jdbc.sql("""
                update product set status = ?, stars = ?, certificate_no = ?, certificate_valid_until = ?,
                    certified_level = ?, evaluation_note = ?, withdrawal_reason = ?, updated_at = now()
                where id = ?
                returning *
                """)
                .params(product.status().name(), product.stars(), product.certificateNo(),
                        product.certificateValidUntil(), product.certifiedLevel(), product.evaluationNote(),
                        product.withdrawalReason(), product.id())
                .query(Product.class)
                .single();
    }

    void insertSubmission(UUID submissionId, UUID productId, String level) {
        jdbc.sql("insert into submission (id, product_id, level) values (?, ?, ?)")
                .params(submissionId, productId, level)
                .update();
    }

    List<Product> list(@Nullable UUID producerId, @Nullable ProductStatus status, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from product where true");
        List<Object> params = new ArrayList<>();
        if (producerId != null) {
            sql.append(" and producer_id = ?");
            params.add(producerId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Product.class).list();
    }
}
