package vn.ocop.marketplace.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Listings in marketplace's database, and their search. PostgreSQL does the matching: unaccent
 * (through the immutable {@code f_unaccent}) for diacritics and "đ", pg_trgm for the indexes that
 * keep substring search fast and for the vocabulary words closest to a typo.
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

    /**
     * Reads a listing row by hand: a page maps 21 rows of 24 columns, and the reflective
     * DataClassRowMapper cost more than a cheap query itself.
     */
    private static final RowMapper<Listing> LISTING = (rs, row) -> new Listing(
            rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
            rs.getObject("producer_id", UUID.class), rs.getString("producer_name"), rs.getString("name"),
            rs.getInt("product_group"), rs.getString("subgroup"), rs.getString("description"), rs.getString("story"),
            rs.getString("unit"), rs.getLong("wholesale_price_vnd"), rs.getInt("min_order_quantity"),
            rs.getString("province"), rs.getString("commune"), rs.getInt("stars"), rs.getDouble("score"),
            rs.getString("certificate_no"), rs.getObject("valid_until", LocalDate.class), instant(rs, "certified_at"),
            ListingStatus.valueOf(rs.getString("status")), rs.getString("withdrawn_reason"),
            instantOrNull(rs, "withdrawn_at"), instant(rs, "created_at"),
            instant(rs, "updated_at"));

    /** No word has alternatives: the search as typed. */
    private static final List<List<String>> NO_ALTERNATIVES = List.of();

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public Listings(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ?").param(id).query(LISTING).optional();
    }

    /** The listings of these products, by product. */
    Map<UUID, Listing> findByProducts(Collection<UUID> productIds) {
        Map<UUID, Listing> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from listing where product_id = any(?)").param(productIds.toArray(UUID[]::new))
                .query(LISTING).list().forEach(listing -> found.put(listing.productId(), listing));
        return found;
    }

    /**
     * Writes the listings products should have, creating each on its product's first
     * certification, in one round trip, and returns them as stored, by product.
     */
    Map<UUID, Listing> saveAll(List<ListingRules.Desired> desired) {
        List<Object[]> rows = desired.stream().map(d -> {
            var p = d.product();
            return new Object[] { d.listingId(), p.productId(), p.producerId(), p.producerName(), p.name(), p.group(),
                p.subgroup(), p.description(), p.story(), p.unit(), p.wholesalePriceVnd(), p.minOrderQuantity(),
                p.originProvince(), p.originCommune(), d.stars(), d.score(), d.certificateNo(), d.validUntil(),
                Timestamp.from(d.certifiedAt()), d.status().name(), d.withdrawnReason(), d.status().name() };
        }).toList();
        String upsert = """
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
                """;
        if (rows.size() == 1) {
            batches.update(upsert, rows.getFirst());
        }
        else {
            batches.batchUpdate(upsert, rows);
        }
        return findByProducts(desired.stream().map(d -> d.product().productId()).toList());
    }

    /**
     * Every active listing a purchase request's criteria match, up to a bound, typos allowed
     * (as when open requests are matched against a new listing): a word that is not in the
     * vocabulary also matches through its closest vocabulary words.
     */
    public List<Listing> matching(ListingQuery criteria, int limit) {
        List<List<String>> alternatives = alternatives(criteria);
        boolean fuzzy = alternatives.stream().anyMatch(words -> !words.isEmpty());
        return page(criteria, null, limit, alternatives, fuzzy).stream().map(Found::listing).limit(limit).toList();
    }

    /**
     * Active listings matching the query, one page in the query's order. Words are matched as
     * typed (without regard to case or diacritics); only when nothing matches is a longer word
     * that no listing contains (a typo) replaced by the closest words of the vocabulary, and the
     * search run again with those alternatives. Later pages keep the first page's choice (it is
     * in the cursor).
     * <p>
     * Every order is a column order an index holds, never a computed score: PostgreSQL either
     * walks that index and stops after one page (common words, filters), or collects the rarer
     * matches from a trigram index and keeps the first page of them by that key. Relevance is two
     * tiers, each newest first: listings whose name holds every word, then listings that hold them
     * elsewhere (producer, province, commune, story).
     */
    public List<Found> search(ListingQuery query, @Nullable ListingCursor after, int limit) {
        if (after != null) {
            return page(query, after, limit, after.fuzzy() ? alternatives(query) : NO_ALTERNATIVES, after.fuzzy());
        }
        List<Found> exact = page(query, null, limit, NO_ALTERNATIVES, false);
        if (!exact.isEmpty()) {
            return exact;
        }
        List<List<String>> alternatives = alternatives(query);
        return alternatives.stream().allMatch(List::isEmpty) ? exact : page(query, null, limit, alternatives, true);
    }

    /**
     * For each word of the query, the vocabulary words that may stand in for it: none for words
     * shorter than {@link ListingQuery#FUZZY_MIN_LENGTH} or that are themselves words of some
     * listing, else up to {@link ListingQuery#FUZZY_ALTERNATIVES} of the closest. The vocabulary
     * is small (distinct words, not listings), and its trigram index finds the nearest words.
     */
    private List<List<String>> alternatives(ListingQuery query) {
        List<String> words = query.words();
        List<List<String>> alternatives = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            alternatives.add(new ArrayList<>());
            if (words.get(i).length() >= ListingQuery.FUZZY_MIN_LENGTH) {
                positions.add(i);
                candidates.add(words.get(i));
            }
        }
        if (candidates.isEmpty()) {
            return alternatives;
        }
        jdbc.sql("""
                select typed.n, near.word
                from unnest(?::text[]) with ordinality as typed (word, n)
                cross join lateral (select lower(f_unaccent(typed.word)) as word) wanted
                cross join lateral (
                    select close.word from (
                        select word from search_word order by wanted.word <<-> word limit ?) close
                    where word_similarity(wanted.word, close.word) >= ?
                    order by similarity(wanted.word, close.word) desc, close.word
                    limit ?) near
                where not exists (select 1 from search_word known where known.word = wanted.word)
                """)
                .params(candidates.toArray(String[]::new), 4 * ListingQuery.FUZZY_ALTERNATIVES,
                        ListingQuery.FUZZY_SIMILARITY, ListingQuery.FUZZY_ALTERNATIVES)
                .query((rs, row) -> Map.entry(positions.get(rs.getInt("n") - 1), rs.getString("word")))
                .list()
                .forEach(near -> alternatives.get(near.getKey()).add(near.getValue()));
        return alternatives;
    }

    private List<Found> page(ListingQuery query, @Nullable ListingCursor after, int limit,
            List<List<String>> alternatives, boolean fuzzy) {
        if (query.sort() != ListingQuery.Sort.RELEVANCE) {
            return ordered(query, after, limit, alternatives, fuzzy);
        }
        int fromTier = after == null ? 1 : after.tier();
        List<Found> found = new ArrayList<>();
        if (fromTier == 1) {
            found.addAll(tier(query, 1, after, limit + 1, alternatives, fuzzy));
        }
        if (found.size() <= limit && !query.words().isEmpty()) {
            found.addAll(tier(query, 2, fromTier == 2 ? after : null, limit + 1 - found.size(), alternatives, fuzzy));
        }
        return found;
    }

    /**
     * One relevance tier, newest first: tier 1 has every word in the name, tier 2 every word in
     * the searchable text but not all in the name. A separate statement per tier, so that the
     * second runs only when the first does not fill the page, each in an index's order.
     */
    private List<Found> tier(ListingQuery query, int tier, @Nullable ListingCursor after, int rows,
            List<List<String>> alternatives, boolean fuzzy) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from listing where status = 'ACTIVE'");
        if (tier == 1) {
            sql.append(words(query, alternatives, "name_norm", params));
        }
        else {
            sql.append(words(query, alternatives, "search_text", params));
            sql.append(" and not (true").append(words(query, alternatives, "name_norm", params)).append(")");
        }
        sql.append(filters(query, params));
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(Timestamp.from(after.createdAt()));
            params.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(rows);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> {
                    Listing listing = LISTING.mapRow(rs, row);
                    return new Found(listing, tier + "," + listing.createdAt(), fuzzy);
                })
                .list();
    }

    /** A page in the stars, newest or price order. */
    private List<Found> ordered(ListingQuery query, @Nullable ListingCursor after, int limit,
            List<List<String>> alternatives, boolean fuzzy) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from listing where status = 'ACTIVE'");
        sql.append(words(query, alternatives, "search_text", params));
        sql.append(filters(query, params));
        ListingQuery.Sort sort = query.sort();
        if (after != null) {
            switch (sort) {
                case STARS -> {
                    sql.append(" and (stars, created_at, id) < (?, ?, ?)");
                    params.add(after.stars());
                    params.add(Timestamp.from(after.createdAt()));
                }
                case NEWEST -> {
                    sql.append(" and (created_at, id) < (?, ?)");
                    params.add(Timestamp.from(after.createdAt()));
                }
                case PRICE -> {
                    sql.append(" and (wholesale_price_vnd, id) > (?, ?)");
                    params.add(after.priceVnd());
                }
                case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
            }
            params.add(after.id());
        }
        sql.append(switch (sort) {
            case STARS -> " order by stars desc, created_at desc, id desc";
            case NEWEST -> " order by created_at desc, id desc";
            case PRICE -> " order by wholesale_price_vnd, id";
            case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
        });
        sql.append(" limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> {
                    Listing listing = LISTING.mapRow(rs, row);
                    String key = switch (sort) {
                        case STARS -> listing.stars() + "," + listing.createdAt();
                        case NEWEST -> listing.createdAt().toString();
                        case PRICE -> String.valueOf(listing.wholesalePriceVnd());
                        case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
                    };
                    return new Found(listing, key, fuzzy);
                })
                .list();
    }

    /**
     * Every word of the query must appear in {@code column} (a normalised text: lower case,
     * without diacritics), or one of the vocabulary words standing in for it. The patterns are
     * constants once bound (custom plans), so the trigram indexes serve them.
     */
    private static String words(ListingQuery query, List<List<String>> alternatives, String column, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and (").append(column).append(" like '%' || lower(f_unaccent(?)) || '%' escape '\\'");
            params.add(escapeLike(words.get(i)));
            for (String alternative : i < alternatives.size() ? alternatives.get(i) : List.<String>of()) {
                sql.append(" or ").append(column).append(" like ? escape '\\'");
                params.add("%" + escapeLike(alternative) + "%");
            }
            sql.append(")");
        }
        return sql.toString();
    }

    private static String filters(ListingQuery query, List<Object> params) {
        StringBuilder sql = new StringBuilder();
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
        return sql.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(instantOrNull(rs, column), column);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
