package vn.ocop.catalog.product;

import java.sql.Timestamp;
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

    void saveOutcome(Product product) {
        jdbc.sql("""
                update product set status = ?, stars = ?, certificate_no = ?, evaluation_note = ?, updated_at = now()
                where id = ?
                """)
                .params(product.status().name(), product.stars(), product.certificateNo(), product.evaluationNote(),
                        product.id())
                .update();
    }

    void insertSubmission(UUID submissionId, UUID productId, String level) {
        jdbc.sql("insert into submission (id, product_id, level) values (?, ?, ?)")
                .params(submissionId, productId, level)
                .update();
    }

    List<Product> list(@Nullable UUID producerId, @Nullable ProductStatus status, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from product where true");
        List<Object> params = new java.util.ArrayList<>();
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
