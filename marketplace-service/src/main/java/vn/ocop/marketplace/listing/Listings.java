package vn.ocop.marketplace.listing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.web.Cursor;

/** Listings in marketplace's database. */
@Repository
public class Listings {

    private static final String SELECT = """
            select id, product_id, producer_id, producer_name, name, product_group, subgroup, description, story, unit,
                wholesale_price_vnd, min_order_quantity, province, commune, stars, score, certificate_no, valid_until,
                certified_at, status, created_at, updated_at
            from listing
            """;

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Listing.class).optional();
    }

    Optional<Listing> findByProductForUpdate(UUID productId) {
        return jdbc.sql(SELECT + " where product_id = ? for update").param(productId).query(Listing.class).optional();
    }

    void insert(UUID id, ProductCertified c) {
        var p = c.product();
        jdbc.sql("""
                insert into listing (id, product_id, producer_id, producer_name, name, product_group, subgroup,
                    description, story, unit, wholesale_price_vnd, min_order_quantity, province, commune, stars, score,
                    certificate_no, valid_until, certified_at, status, search_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE',
                    lower(unaccent(concat_ws(' ', ?::text, ?::text, ?::text))))
                """)
                .params(id, p.productId(), p.producerId(), p.producerName(), p.name(), p.group(), p.subgroup(),
                        p.description(), p.story(), p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                        p.originProvince(), p.originCommune(), c.stars(), c.score(), c.certificateNo(), c.validUntil(),
                        Timestamp.from(c.occurredAt()), p.name(), p.producerName(), p.originProvince())
                .update();
    }

    void applyCertificate(UUID id, ProductCertified c) {
        jdbc.sql("""
                update listing set stars = ?, score = ?, certificate_no = ?, valid_until = ?, certified_at = ?,
                    status = 'ACTIVE', updated_at = now()
                where id = ?
                """)
                .params(c.stars(), c.score(), c.certificateNo(), c.validUntil(), Timestamp.from(c.occurredAt()), id)
                .update();
    }

    /**
     * Active listings, newest first. Each word of {@code q} must appear in the name, producer or
     * province, compared without case or diacritics ("che thai nguyen" finds "Chè Thái Nguyên").
     */
    List<Listing> search(ListingController.Query query, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where status = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        if (query.q() != null) {
            for (String word : query.q().strip().split("\\s+")) {
                sql.append(" and search_text like '%' || lower(unaccent(?)) || '%' escape '\\'");
                params.add(word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        if (query.group() != null) {
            sql.append(" and product_group = ?");
            params.add(query.group());
        }
        if (query.minStars() != null) {
            sql.append(" and stars >= ?");
            params.add(query.minStars());
        }
        if (query.province() != null) {
            sql.append(" and lower(unaccent(province)) = lower(unaccent(?))");
            params.add(query.province());
        }
        if (query.maxPriceVnd() != null) {
            sql.append(" and wholesale_price_vnd <= ?");
            params.add(query.maxPriceVnd());
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Listing.class).list();
    }
}
