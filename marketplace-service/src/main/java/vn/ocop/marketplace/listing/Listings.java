package vn.ocop.marketplace.listing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Listings in marketplace's database, and their search. PostgreSQL does the matching: unaccent
 * (through the immutable {@code f_unaccent}) for diacritics and "đ", pg_trgm for typos and for
 * the indexes that keep substring search fast.
 */
@Repository
public class Listings {

    /** A listing with the sort key that placed it on its page, and whether it matched only with typos allowed. */
    public record Found(Listing listing, String key, boolean fuzzy) {
    }

    private static final String COLUMNS = """
            id, product_id, producer_id, producer_name, name, product_group, subgroup, description, story, unit,
            wholesale_price_vnd, min_order_quantity, province, commune, stars, score, certificate_no, valid_until,
            certified_at, status, withdrawn_reason, withdrawn_at, created_at, updated_at
            """;

    private static final RowMapper<Listing> LISTING = new DataClassRowMapper<>(Listing.class);

    private final JdbcClient jdbc;

    public Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ?").param(id).query(LISTING).optional();
    }

    Optional<Listing> findByProduct(UUID productId) {
        return jdbc.sql("select " + COLUMNS + " from listing where product_id = ?").param(productId).query(LISTING)
                .optional();
    }

    /** Writes the listing a product should have, creating it on first certification, and returns it as stored. */
    Listing save(ListingRules.Desired d) {
        var p = d.product();
        return jdbc.sql("""
                insert into listing (id, product_id, producer_id, producer_name, name, product_group, subgroup,
                    description, story, unit, wholesale_price_vnd, min_order_quantity, province, commune, stars, score,
                    certificate_no, valid_until, certified_at, status, withdrawn_reason, withdrawn_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    case when ? = 'WITHDRAWN' then now() end)
                on conflict (product_id) do update set producer_name = excluded.producer_name, name = excluded.name,
                    product_group = excluded.product_group, subgroup = excluded.subgroup,
                    description = excluded.description, story = excluded.story, unit = excluded.unit,
                    wholesale_price_vnd = excluded.wholesale_price_vnd, min_order_quantity = excluded.min_order_quantity,
                    province = excluded.province, commune = excluded.commune, stars = excluded.stars,
                    score = excluded.score, certificate_no = excluded.certificate_no, valid_until = excluded.valid_until,
                    certified_at = excluded.certified_at, status = excluded.status,
                    withdrawn_reason = excluded.withdrawn_reason,
                    withdrawn_at = case when excluded.status = 'WITHDRAWN'
                        then coalesce(listing.withdrawn_at, now()) end,
                    updated_at = now()
                returning
                """ + COLUMNS)
                .params(d.listingId(), p.productId(), p.producerId(), p.producerName(), p.name(), p.group(), p.subgroup(),
                        p.description(), p.story(), p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                        p.originProvince(), p.originCommune(), d.stars(), d.score(), d.certificateNo(), d.validUntil(),
                        Timestamp.from(d.certifiedAt()), d.status().name(), d.withdrawnReason(), d.status().name())
                .query(LISTING)
                .single();
    }

    /**
     * Every active listing a purchase request's criteria match, up to a bound, typos allowed
     * (as when open requests are matched against a new listing).
     */
    public List<Listing> matching(ListingQuery criteria, int limit) {
        return search(criteria, null, limit, true).stream().map(Found::listing).limit(limit).toList();
    }

    /**
     * Active listings matching the query, one page in the query's order. Words are first matched
     * as typed (without regard to case or diacritics); only when nothing matches are longer words
     * allowed a typo. Exact matching stays cheap on large catalogues; the typo-tolerant form has
     * to rank every near match. Later pages keep the first page's choice (it is in the cursor).
     */
    public List<Found> search(ListingQuery query, @Nullable ListingCursor after, int limit) {
        if (after != null) {
            return search(query, after, limit, after.fuzzy());
        }
        List<Found> exact = search(query, null, limit, false);
        boolean typosCouldHelp = query.words().stream().anyMatch(w -> w.length() >= ListingQuery.FUZZY_MIN_LENGTH);
        return exact.isEmpty() && typosCouldHelp ? search(query, null, limit, true) : exact;
    }

    private List<Found> search(ListingQuery query, @Nullable ListingCursor after, int limit, boolean fuzzy) {
        List<Object> params = new ArrayList<>();
        String rank = "0::numeric";
        if (query.q() != null) {
            rank = "round((2 * word_similarity(lower(f_unaccent(?)), name_norm)"
                    + " + word_similarity(lower(f_unaccent(?)), search_text))::numeric, 6)";
            params.add(query.q());
            params.add(query.q());
        }
        StringBuilder sql = new StringBuilder("select * from (select ").append(COLUMNS).append(", ").append(rank)
                .append(" as rank from listing where status = 'ACTIVE'");
        params.addAll(matchConditions(query, sql, fuzzy));
        sql.append(") found where true");
        ListingQuery.Sort sort = query.sort() == ListingQuery.Sort.RELEVANCE && query.q() == null
                ? ListingQuery.Sort.NEWEST : query.sort();
        if (after != null) {
            String[] key = after.key().split(",");
            switch (sort) {
                case RELEVANCE -> {
                    sql.append(" and (rank, id) < (?, ?)");
                    params.add(new BigDecimal(key[0]));
                }
                case STARS -> {
                    sql.append(" and (stars, created_at, id) < (?, ?, ?)");
                    params.add(Integer.parseInt(key[0]));
                    params.add(Timestamp.from(Instant.parse(key[1])));
                }
                case NEWEST -> {
                    sql.append(" and (created_at, id) < (?, ?)");
                    params.add(Timestamp.from(Instant.parse(key[0])));
                }
                case PRICE -> {
                    sql.append(" and (wholesale_price_vnd, id) > (?, ?)");
                    params.add(Long.parseLong(key[0]));
                }
            }
            params.add(after.id());
        }
        sql.append(switch (sort) {
            case RELEVANCE -> " order by rank desc, id desc";
            case STARS -> " order by stars desc, created_at desc, id desc";
            case NEWEST -> " order by created_at desc, id desc";
            case PRICE -> " order by wholesale_price_vnd, id";
        });
        sql.append(" limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> found(rs, row, sort, fuzzy)).list();
    }

    /**
     * Appends the filters and the words of a query; every word must appear in the listing's
     * searchable text, or, for longer words, a word close to it must.
     */
    private static List<Object> matchConditions(ListingQuery query, StringBuilder sql, boolean fuzzy) {
        List<Object> params = new ArrayList<>();
        for (String word : query.words()) {
            sql.append(" and (search_text like '%' || lower(f_unaccent(?)) || '%' escape '\\'");
            params.add(escapeLike(word));
            if (fuzzy && word.length() >= ListingQuery.FUZZY_MIN_LENGTH) {
                sql.append(" or lower(f_unaccent(?)) <% search_text");
                params.add(word);
            }
            sql.append(")");
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
            sql.append(" and lower(f_unaccent(province)) = lower(f_unaccent(?))");
            params.add(query.province());
        }
        if (query.maxPriceVnd() != null) {
            sql.append(" and wholesale_price_vnd <= ?");
            params.add(query.maxPriceVnd());
        }
        return params;
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Found found(ResultSet rs, int row, ListingQuery.Sort sort, boolean fuzzy) throws SQLException {
        Listing listing = LISTING.mapRow(rs, row);
        String key = switch (sort) {
            case RELEVANCE -> rs.getBigDecimal("rank").toPlainString();
            case STARS -> listing.stars() + "," + listing.createdAt();
            case NEWEST -> listing.createdAt().toString();
            case PRICE -> String.valueOf(listing.wholesalePriceVnd());
        };
        return new Found(listing, key, fuzzy);
    }
}
