package vn.ocop.marketplace.demand;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.marketplace.listing.Listing;
import vn.ocop.marketplace.listing.ListingQuery;

/** Purchase requests and their matches in marketplace's database. */
@Repository
class PurchaseRequests {

    private static final String COLUMNS = """
            id, retailer_id, product_group, query, min_stars, quantity, unit, max_price_vnd, province, needed_by,
            status, created_at, closed_at
            """;

    private static final RowMapper<PurchaseRequest> REQUEST = new DataClassRowMapper<>(PurchaseRequest.class);

    private final JdbcClient jdbc;

    PurchaseRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PurchaseRequest insert(UUID id, PurchaseRequestController.NewRequest r) {
        return jdbc.sql("""
                insert into purchase_request (id, retailer_id, product_group, query, query_words, min_stars, quantity,
                    unit, max_price_vnd, province, needed_by, status)
                values (?, ?, ?, ?, coalesce(regexp_split_to_array(nullif(lower(f_unaccent(btrim(?::text))), ''), '\\s+'), '{}'),
                    ?, ?, ?, ?, ?, ?, 'OPEN')
                returning
                """ + COLUMNS)
                .params(id, r.retailerId(), r.group(), r.query(), r.query(), r.minStars(), r.quantity(), r.unit().strip(),
                        r.maxPriceVnd(), r.province(), r.neededBy())
                .query(REQUEST)
                .single();
    }

    Optional<PurchaseRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where id = ?").param(id).query(REQUEST).optional();
    }

    Optional<PurchaseRequest> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from purchase_request where id = ? for update").param(id).query(REQUEST)
                .optional();
    }

    void close(UUID id, PurchaseRequest.RequestStatus status) {
        jdbc.sql("update purchase_request set status = ?, closed_at = now() where id = ?").params(status.name(), id)
                .update();
    }

    /** Open requests past their date, locked so that only one instance closes each. */
    List<PurchaseRequest> overdue(LocalDate today, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from purchase_request where status = 'OPEN' and needed_by < ?
                order by needed_by limit ? for update skip locked
                """)
                .params(today, limit)
                .query(REQUEST)
                .list();
    }

    /** An open request and a listing that meets it. */
    record Opening(PurchaseRequest request, UUID listingId) {
    }

    /**
     * Open requests that the listings meet, by the same rules as listing search: each word of the
     * request appears in the listing's text, or, for words of four letters or more, a close word.
     * In the order of the listings given, each listing's requests oldest first.
     */
    List<Opening> openRequestsMatching(List<Listing> listings) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(\\w+)", "r.$1") + """
                , l.id as listing_id
                from unnest(?::uuid[]) with ordinality as given (id, position)
                join listing l on l.id = given.id
                join purchase_request r on r.status = 'OPEN'
                  and (r.product_group is null or r.product_group = l.product_group)
                  and (r.min_stars is null or r.min_stars <= l.stars)
                  and (r.max_price_vnd is null or r.max_price_vnd >= l.wholesale_price_vnd)
                  and (r.province is null or lower(f_unaccent(r.province)) = lower(f_unaccent(l.province)))
                  and not exists (select 1 from unnest(r.query_words) word
                                  where not (strpos(l.search_text, word) > 0
                                             or (length(word) >= ? and word <% l.search_text)))
                order by given.position, r.created_at, r.id
                """)
                .params(listings.stream().map(Listing::id).toArray(UUID[]::new), ListingQuery.FUZZY_MIN_LENGTH)
                .query((rs, row) -> new Opening(REQUEST.mapRow(rs, row), rs.getObject("listing_id", UUID.class)))
                .list();
    }

    /** Records a producer's match; true only the first time this producer meets this request. */
    boolean match(UUID requestId, Listing listing) {
        return Boolean.TRUE.equals(jdbc.sql("""
                insert into demand_match (request_id, producer_id, producer_name, listing_ids, product_names)
                values (?, ?, ?, array[?::uuid], array[?::text])
                on conflict (request_id, producer_id) do update
                    set listing_ids = (select array_agg(distinct id) from unnest(demand_match.listing_ids || excluded.listing_ids) id),
                        product_names = (select array_agg(distinct name) from unnest(demand_match.product_names || excluded.product_names) name)
                returning (xmax = 0) as inserted
                """)
                .params(requestId, listing.producerId(), listing.producerName(), listing.id(), listing.name())
                .query(Boolean.class)
                .single());
    }

    List<PurchaseRequest.Match> matches(UUID requestId) {
        return jdbc.sql("""
                select producer_id, producer_name, listing_ids, product_names, matched_at from demand_match
                where request_id = ? order by matched_at, producer_id
                """)
                .param(requestId)
                .query(PurchaseRequests::match)
                .list();
    }

    private static PurchaseRequest.Match match(ResultSet rs, int row) throws SQLException {
        return new PurchaseRequest.Match(rs.getObject("producer_id", UUID.class), rs.getString("producer_name"),
                Arrays.asList((UUID[]) array(rs.getArray("listing_ids"))),
                Arrays.asList((String[]) array(rs.getArray("product_names"))),
                rs.getTimestamp("matched_at").toInstant());
    }

    private static Object[] array(Array array) throws SQLException {
        return (Object[]) array.getArray();
    }
}
