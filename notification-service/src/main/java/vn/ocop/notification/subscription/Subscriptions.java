package vn.ocop.notification.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.marketplace.ListingCreated;
import vn.ocop.web.Cursor;

/** Subscriptions in notification's database. */
@Repository
class Subscriptions {

    private static final String SELECT = """
            select id, retailer_id, product_group, province, min_stars, query, email, webhook_url, created_at
            from subscription
            """;

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s) {
        jdbc.sql("""
                insert into subscription (id, retailer_id, product_group, province, province_key, min_stars, query,
                    query_key, email, webhook_url, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(s.id(), s.retailerId(), s.group(), s.province(), Folding.fold(s.province()), s.minStars(),
                        s.query(), Folding.fold(s.query()), s.email(), s.webhookUrl(), Timestamp.from(s.createdAt()))
                .update();
    }

    List<Subscription> forRetailer(UUID retailerId, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where retailer_id = ?");
        List<Object> params = new ArrayList<>(List.of(retailerId));
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(Subscriptions::map).list();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from subscription where id = ?").param(id).update() == 1;
    }

    /**
     * Subscriptions a new listing satisfies, oldest first. Group, province and stars are filtered by
     * the database; the words of a query are checked here against the folded names.
     */
    List<Subscription> matching(ListingCreated listing) {
        String searchable = Folding.fold(listing.name() + " " + listing.producerName() + " " + listing.subgroup());
        List<String> present = Folding.words(searchable);
        record Candidate(Subscription subscription, @Nullable String queryKey) {
        }
        return jdbc.sql(SELECT.replace("from subscription", ", query_key from subscription") + """
                 where (product_group is null or product_group = ?)
                   and (province_key is null or province_key = ?)
                   and (min_stars is null or min_stars <= ?)
                 order by created_at, id
                """)
                .params(listing.group(), Folding.fold(listing.province()), listing.stars())
                .query((rs, row) -> new Candidate(map(rs, row), rs.getString("query_key")))
                .list()
                .stream()
                .filter(c -> present.containsAll(Folding.words(c.queryKey())))
                .map(Candidate::subscription)
                .toList();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("retailer_id", UUID.class),
                (Integer) rs.getObject("product_group"), rs.getString("province"), (Integer) rs.getObject("min_stars"),
                rs.getString("query"), rs.getString("email"), rs.getString("webhook_url"),
                rs.getTimestamp("created_at").toInstant());
    }
}
