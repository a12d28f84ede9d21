package vn.ocop.marketplace.listing;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.ocop.messaging.transaction.RoundTrip;

/**
 * Listings in marketplace's database, and their search. PostgreSQL does the matching: unaccent
 * (through the immutable {@code f_unaccent}) for diacritics and "đ", GIN indexes of the listings'
 * words (and of the name's word pairs) that keep substring search fast once the vocabulary has
 * said which words contain a query word, and pg_trgm for that and for the words closest to a typo.
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

    /** Where every page of search starts: its conditions are appended to this. */
    private static final String ACTIVE_LISTINGS = " from listing where status = 'ACTIVE'";

    /** No word has alternatives: the search as typed. */
    private static final List<List<String>> NO_ALTERNATIVES = List.of();

    /**
     * A piece of a query word found in more vocabulary words than this is matched on the text
     * alone: it is short and common, and the text is best walked in the page's order.
     */
    static final int MAX_PIECE_WORDS = 500;

    /** At most this many pairs stand for two words of the name; beyond, the words are looked up alone. */
    static final int MAX_PAIRS = 256;

    /** A word in more than this share of the listings is not worth an index lookup beside a rarer word. */
    static final double COMMON_SHARE = 0.2;

    /** The vocabulary words containing each piece of each typed word ({@link #words}). */
    private static final String WORDS = """
            select typed.n, t.norm <> coalesce(p.piece, '') as literal, p.piece,
                case when p.piece is not null then array(
                    select w.word from search_word w
                    where w.word like '%' || replace(replace(replace(p.piece, '\\', '\\\\'), '%', '\\%'), '_', '\\_')
                        || '%'
                    limit {piece_words}) end as words
            from unnest(?::text[]) with ordinality as typed (word, n)
            cross join lateral (select lower(f_unaccent(typed.word)) as norm) t
            left join lateral regexp_split_to_table(t.norm, '[[:space:][:punct:]]+') as p (piece) on p.piece <> ''
            """.replace("{piece_words}", String.valueOf(MAX_PIECE_WORDS + 1));

    /** The vocabulary words that may stand in for each typed word ({@link #alternatives}). */
    private static final String ALTERNATIVES = """
            select typed.n, containing.word
            from unnest(?::text[]) with ordinality as typed (word, n)
            cross join lateral (select lower(f_unaccent(typed.word)) as word) wanted
            cross join lateral (
                select close.word from (
                    select word from search_word order by wanted.word <<-> lower(word) limit {nearest}) close
                where word_similarity(wanted.word, close.word) >= {similarity}
                order by similarity(wanted.word, close.word) desc, close.word
                limit {alternatives}) near
            cross join lateral (
                select w.word from search_word w
                where w.word like '%' || replace(replace(replace(near.word, '\\', '\\\\'), '%', '\\%'), '_', '\\_')
                    || '%') containing
            where not exists (select 1 from search_word known where known.word = wanted.word)
            """.replace("{nearest}", String.valueOf(4 * ListingQuery.FUZZY_ALTERNATIVES))
            .replace("{similarity}", String.valueOf(ListingQuery.FUZZY_SIMILARITY))
            .replace("{alternatives}", String.valueOf(ListingQuery.FUZZY_ALTERNATIVES));

    private static final Duration FREQUENCIES_MAX_AGE = Duration.ofMinutes(1);

    /**
     * At most about this many vocabulary words are kept in memory for the typed words seen
     * (a few megabytes): the words containing each piece of a typed word, the closest to a typo.
     */
    static final long KEPT_VOCABULARY_WORDS = 100_000;

    /**
     * At most this many matches, by the planner's statistics, are collected from the word indexes
     * by a statement whose plan is fixed (see {@link #collected}): a few milliseconds of work.
     */
    static final double MAX_COLLECTED = 2_000;

    /** The service's connections: reads and writes of the event flow and of orders. */
    private final JdbcClient jdbc;
    /** Search's connections that plan each statement with its values ({@link SearchConnections}). */
    private final JdbcClient search;
    /** Search's connections that keep one plan per statement, for statements whose text fixes their plan. */
    private final JdbcClient prepared;
    /** Whether searches whose plan is known run in statements planned once ({@link #page}). */
    private final boolean collect;
    /**
     * Pages read on search's connections by statements planned once (collecting rare words'
     * matches, or walking an index), and by statements planned with their values.
     */
    private final LongAdder collectedPages = new LongAdder();
    private final LongAdder walkedPages = new LongAdder();
    private final LongAdder customPages = new LongAdder();
    /**
     * The planner's share of listings per common word and name pair. Read once; a minute later the
     * next search starts one reload in the background and, like every search until it is done,
     * goes on with the last ones (a failed reload keeps them too).
     */
    private final LoadingCache<Boolean, Frequencies> frequencies = Caffeine.newBuilder()
            .refreshAfterWrite(FREQUENCIES_MAX_AGE)
            .build(key -> loadFrequencies());
    /**
     * Announces changes of the vocabulary; null when nothing read from it is kept (each search
     * reads it).
     */
    private final @Nullable VocabularyChanges vocabulary;
    /**
     * What the vocabulary said about typed words, under the generation it was read in
     * ({@link VocabularyChanges}): a word's pieces and the vocabulary words containing each, and a
     * typed word's alternatives. Most searches repeat words searched before, and reading them in
     * the vocabulary was a statement of its own for every search.
     */
    private final Cache<Kept, Word> keptWords = Caffeine.newBuilder()
            .maximumWeight(KEPT_VOCABULARY_WORDS)
            .weigher((Kept kept, Word word) -> 1 + word.pieces().stream().mapToInt(piece -> piece.words().size()).sum())
            .recordStats()
            .build();
    private final Cache<Kept, List<String>> keptAlternatives = Caffeine.newBuilder()
            .maximumWeight(KEPT_VOCABULARY_WORDS)
            .weigher((Kept kept, List<String> alternatives) -> 1 + alternatives.size())
            .recordStats()
            .build();
    /** Statements that read the vocabulary (for tests: whether what was kept was used). */
    private final LongAdder vocabularyReads = new LongAdder();

    /** A typed word, in a generation of the vocabulary. */
    private record Kept(long generation, String typed) {
    }

    @Autowired
    Listings(JdbcClient jdbc, SearchConnections search, VocabularyChanges vocabulary, MeterRegistry meters) {
        this(jdbc, search.jdbc(), search.prepared(), vocabulary);
        // How searches find their pages: with kept plans (collected, walk) or planned with their
        // values (custom). After a restore without ANALYZE, for instance, no text search is
        // collected until statistics exist.
        statements(meters, "collected", collectedPages);
        statements(meters, "walk", walkedPages);
        statements(meters, "custom", customPages);
        // cache_gets{cache="search.vocabulary.words", result="hit"} and the like.
        CaffeineCacheMetrics.monitor(meters, keptWords, "search.vocabulary.words");
        CaffeineCacheMetrics.monitor(meters, keptAlternatives, "search.vocabulary.alternatives");
    }

    private static void statements(MeterRegistry meters, String plan, LongAdder pages) {
        FunctionCounter.builder("marketplace.search.statements", pages, LongAdder::sum)
                .description("Search statements for a page of listings, by how they were planned")
                .tag("plan", plan).register(meters);
    }

    /**
     * Search on connections of its own: {@code search} planning every statement with its values,
     * {@code prepared} keeping a generic plan per statement (as {@link SearchConnections} sets them up).
     */
    public Listings(JdbcClient jdbc, JdbcClient search, JdbcClient prepared) {
        this(jdbc, search, prepared, null, true);
    }

    /**
     * As {@link #Listings(JdbcClient, JdbcClient, JdbcClient)}, keeping what the vocabulary says
     * about typed words between its changes, which {@code vocabulary} (started) announces.
     */
    public Listings(JdbcClient jdbc, JdbcClient search, JdbcClient prepared, @Nullable VocabularyChanges vocabulary) {
        this(jdbc, search, prepared, vocabulary, true);
    }

    /** With {@code collect} false, every search statement is planned with its values (to compare the two). */
    Listings(JdbcClient jdbc, JdbcClient search, JdbcClient prepared, @Nullable VocabularyChanges vocabulary,
            boolean collect) {
        this.jdbc = jdbc;
        this.search = search;
        this.prepared = prepared;
        this.vocabulary = vocabulary;
        this.collect = collect;
    }

    /**
     * Where search statements run: search's connections, or inside a transaction (a purchase
     * request matched as it is posted) that transaction's connection, so that it never holds one
     * connection while it waits for another.
     */
    private JdbcClient reads() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? jdbc : search;
    }

    /**
     * As {@link #reads()}, for statements whose plan does not depend on their values: search's
     * connections that plan them once and keep the plan, or the transaction's connection.
     */
    private JdbcClient preparedReads() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? jdbc : prepared;
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from listing where id = ?").param(id).query(LISTING).optional();
    }

    /** Adds to the trip the reading of these products' listings; the map it returns, by product, is filled when the trip runs. */
    Map<UUID, Listing> findByProducts(Collection<UUID> productIds, RoundTrip trip) {
        Map<UUID, Listing> found = new HashMap<>();
        int[] row = { 0 };
        trip.query("select " + COLUMNS + " from listing where product_id = any(?)", rs -> {
            Listing listing = LISTING.mapRow(rs, row[0]++);
            found.put(listing.productId(), listing);
        }, (Object) productIds.toArray(UUID[]::new));
        return found;
    }

    /**
     * Writes the listings products should have, creating each on its product's first
     * certification, and returns them as stored, by product: one statement for all of them (one
     * round trip, one run of the vocabulary trigger), the rows passed as arrays.
     */
    Map<UUID, Listing> saveAll(List<ListingRules.Desired> desired) {
        int n = desired.size();
        UUID[] ids = new UUID[n];
        UUID[] products = new UUID[n];
        UUID[] producers = new UUID[n];
        String[][] text = new String[18][n];
        for (int i = 0; i < n; i++) {
            ListingRules.Desired d = desired.get(i);
            var p = d.product();
            ids[i] = d.listingId();
            products[i] = p.productId();
            producers[i] = p.producerId();
            String[] row = { p.producerName(), p.name(), String.valueOf(p.group()), p.subgroup(), p.description(),
                p.story(), p.unit(), String.valueOf(p.wholesalePriceVnd()), String.valueOf(p.minOrderQuantity()),
                p.originProvince(), p.originCommune(), String.valueOf(d.stars()), String.valueOf(d.score()),
                d.certificateNo(), d.validUntil().toString(), d.certifiedAt().toString(), d.status().name(),
                d.withdrawnReason() };
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        List<Object> params = new ArrayList<>(List.of(ids, products, producers));
        params.addAll(Arrays.asList(text));
        Map<UUID, Listing> saved = new HashMap<>();
        jdbc.sql("""
                insert into listing (id, product_id, producer_id, producer_name, name, product_group, subgroup,
                    description, story, unit, wholesale_price_vnd, min_order_quantity, province, commune, stars, score,
                    certificate_no, valid_until, certified_at, status, withdrawn_reason, withdrawn_at)
                select r.id, r.product_id, r.producer_id, r.producer_name, r.name, r.product_group::int, r.subgroup,
                    r.description, r.story, r.unit, r.wholesale_price_vnd::bigint, r.min_order_quantity::int, r.province,
                    r.commune, r.stars::int, r.score::numeric, r.certificate_no, r.valid_until::date,
                    r.certified_at::timestamptz, r.status, r.withdrawn_reason,
                    case when r.status = 'WITHDRAWN' then now() end
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[])
                    as r (id, product_id, producer_id, producer_name, name, product_group, subgroup, description, story,
                        unit, wholesale_price_vnd, min_order_quantity, province, commune, stars, score, certificate_no,
                        valid_until, certified_at, status, withdrawn_reason)
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
                .params(params)
                .query(LISTING)
                .list()
                .forEach(listing -> saved.put(listing.productId(), listing));
        return saved;
    }

    /**
     * Every active listing a purchase request's criteria match, up to a bound, typos allowed
     * (as when open requests are matched against a new listing): a word that is not in the
     * vocabulary also matches through its closest vocabulary words.
     */
    public List<Listing> matching(ListingQuery criteria, int limit) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Posting a purchase request: on its transaction's connection (see reads()), planned
            // with the values as on search's own connections, until that transaction ends.
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        List<Word> words = words(criteria);
        List<List<String>> alternatives = alternatives(criteria);
        boolean fuzzy = alternatives.stream().anyMatch(alts -> !alts.isEmpty());
        return page(criteria, words, null, limit, alternatives, fuzzy).stream().map(Found::listing).limit(limit)
                .toList();
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
     * matches from a word index and keeps the first page of them by that key. Relevance is two
     * tiers, each newest first: listings whose name holds every word, then listings that hold them
     * elsewhere (producer, province, commune, story).
     */
    public List<Found> search(ListingQuery query, @Nullable ListingCursor after, int limit) {
        List<Word> words = words(query);
        if (after != null) {
            return page(query, words, after, limit, after.fuzzy() ? alternatives(query) : NO_ALTERNATIVES,
                    after.fuzzy());
        }
        List<Found> exact = page(query, words, null, limit, NO_ALTERNATIVES, false);
        if (!exact.isEmpty()) {
            return exact;
        }
        List<List<String>> alternatives = alternatives(query);
        return alternatives.stream().allMatch(List::isEmpty) ? exact
                : page(query, words, null, limit, alternatives, true);
    }

    /**
     * A typed word as the indexes see it: its pieces (the runs of letters and digits of its
     * normalised form), each with the vocabulary words that contain it, and whether the text must
     * also be matched literally (the word has punctuation, or a piece is in too many words to be
     * worth looking up). A listing holds the word as a substring exactly when it has, for every
     * piece, one of that piece's words (and the literal match, when asked for): a substring
     * without spaces or punctuation lies within one word of the text, and the vocabulary holds
     * every word of every active listing.
     */
    private record Word(String typed, boolean literal, List<Piece> pieces) {

        /** No listing can hold this word: a piece is in no word of the vocabulary. */
        boolean impossible() {
            return pieces.stream().anyMatch(piece -> piece.words().isEmpty());
        }
    }

    private record Piece(String text, List<String> words) {
    }

    /**
     * The words of the query with the vocabulary words that contain each of their pieces, in one
     * statement (the vocabulary's trigram index finds them). Its plan cannot depend on the
     * values (the pieces are cut inside the statement), so it is planned once per connection;
     * its bound is written into its text, since a generic plan with the limit as a parameter
     * measured several times slower.
     */
    private List<Word> words(ListingQuery query) {
        List<String> typed = query.words();
        if (typed.isEmpty()) {
            return List.of();
        }
        Map<String, Word> known = kept(keptWords, typed, this::readWords);
        return typed.stream().map(known::get).toList();
    }

    /**
     * What the vocabulary says about each of these typed words: what was kept from an earlier
     * read in the vocabulary's current generation, the others read now (and kept). Inside a
     * transaction the vocabulary is always read: the transaction may have added words of its own
     * listings, which no other session sees yet.
     */
    private <V> Map<String, V> kept(Cache<Kept, V> cache, List<String> typed, Function<List<String>, Map<String, V>> read) {
        long generation = vocabulary == null || TransactionSynchronizationManager.isActualTransactionActive()
                ? VocabularyChanges.NONE : vocabulary.generation();
        Map<String, V> known = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String word : typed) {
            V kept = generation == VocabularyChanges.NONE ? null : cache.getIfPresent(new Kept(generation, word));
            if (kept != null) {
                known.put(word, kept);
            }
            else if (!unknown.contains(word)) {
                unknown.add(word);
            }
        }
        if (!unknown.isEmpty()) {
            vocabularyReads.increment();
            read.apply(unknown).forEach((word, value) -> {
                known.put(word, value);
                if (generation != VocabularyChanges.NONE) {
                    // Under the generation before the read: should the vocabulary have changed
                    // meanwhile, the next search no longer finds it.
                    cache.put(new Kept(generation, word), value);
                }
            });
        }
        return known;
    }

    /** How many statements have read the vocabulary. */
    long vocabularyReads() {
        return vocabularyReads.sum();
    }

    /** Reads what the vocabulary says about these (distinct) typed words, in one statement. */
    private Map<String, Word> readWords(List<String> typed) {
        List<Boolean> literal = new ArrayList<>();
        List<List<Piece>> pieces = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            literal.add(false);
            pieces.add(new ArrayList<>());
        }
        preparedReads().sql(WORDS)
                .param(typed.toArray(String[]::new))
                .query((rs, row) -> {
                    int i = rs.getInt("n") - 1;
                    if (rs.getBoolean("literal")) {
                        literal.set(i, true);
                    }
                    String piece = rs.getString("piece");
                    if (piece != null) {
                        List<String> words = List.of((String[]) rs.getArray("words").getArray());
                        if (words.size() > MAX_PIECE_WORDS) {
                            literal.set(i, true);
                        }
                        else {
                            pieces.get(i).add(new Piece(piece, words));
                        }
                    }
                    return i;
                })
                .list();
        Map<String, Word> words = new HashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            words.put(typed.get(i), new Word(typed.get(i), literal.get(i), List.copyOf(pieces.get(i))));
        }
        return words;
    }

    /**
     * For each word of the query, the vocabulary words that may stand in for it, each widened to
     * the vocabulary words that contain it (as a word of the query is): none for words shorter
     * than {@link ListingQuery#FUZZY_MIN_LENGTH} or that are themselves words of some listing,
     * else up to {@link ListingQuery#FUZZY_ALTERNATIVES} of the closest. The vocabulary is small
     * (distinct words, not listings), and its trigram index finds the nearest words. Like
     * {@link #words}, a statement planned once per connection, its bounds in its text.
     */
    private List<List<String>> alternatives(ListingQuery query) {
        List<String> words = query.words();
        List<String> candidates = words.stream().filter(word -> word.length() >= ListingQuery.FUZZY_MIN_LENGTH)
                .toList();
        Map<String, List<String>> known = candidates.isEmpty() ? Map.of()
                : kept(keptAlternatives, candidates, this::readAlternatives);
        return words.stream().map(word -> known.getOrDefault(word, List.of())).toList();
    }

    /** Reads the alternatives of these (distinct) typed words in the vocabulary, in one statement. */
    private Map<String, List<String>> readAlternatives(List<String> candidates) {
        List<List<String>> alternatives = new ArrayList<>();
        candidates.forEach(candidate -> alternatives.add(new ArrayList<>()));
        preparedReads().sql(ALTERNATIVES)
                .param(candidates.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getInt("n") - 1, rs.getString("word")))
                .list()
                .forEach(near -> {
                    List<String> alts = alternatives.get(near.getKey());
                    if (!alts.contains(near.getValue())) {
                        alts.add(near.getValue());
                    }
                });
        Map<String, List<String>> read = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            read.put(candidates.get(i), List.copyOf(alternatives.get(i)));
        }
        return read;
    }

    private List<Found> page(ListingQuery query, List<Word> words, @Nullable ListingCursor after, int limit,
            List<List<String>> alternatives, boolean fuzzy) {
        if (query.sort() != ListingQuery.Sort.RELEVANCE) {
            return ordered(query, words, after, limit, alternatives, fuzzy);
        }
        int fromTier = after == null ? 1 : after.tier();
        List<Found> found = new ArrayList<>();
        if (fromTier == 1) {
            found.addAll(tier(query, words, 1, after, limit + 1, alternatives, fuzzy));
        }
        if (found.size() <= limit && !words.isEmpty()) {
            found.addAll(tier(query, words, 2, fromTier == 2 ? after : null, limit + 1 - found.size(), alternatives,
                    fuzzy));
        }
        return found;
    }

    /**
     * One relevance tier, newest first: tier 1 has every word in the name, tier 2 every word in
     * the searchable text but not all in the name. A separate statement per tier, so that the
     * second runs only when the first does not fill the page, each in an index's order.
     */
    private List<Found> tier(ListingQuery query, List<Word> words, int tier, @Nullable ListingCursor after, int rows,
            List<List<String>> alternatives, boolean fuzzy) {
        Conditions conditions = new Conditions();
        if (tier == 1) {
            if (!matches(words, alternatives, NAME, conditions)) {
                return List.of();
            }
        }
        else {
            if (!matches(words, alternatives, TEXT, conditions)) {
                return List.of();
            }
            Conditions name = new Conditions();
            if (matches(words, alternatives, NAME, name)) {
                conditions.check(" and not (true" + name.indexed + name.checked + ")", name.params());
            }
        }
        filters(query, conditions);
        if (after != null) {
            conditions.check(" and (created_at, id) < (?, ?)", List.of(Timestamp.from(after.createdAt()), after.id()));
        }
        boolean walks = walksAnIndex(query, ListingQuery.Sort.NEWEST);
        return page(conditions, " order by created_at desc, id desc", rows, walks, (rs, row) -> {
            Listing listing = LISTING.mapRow(rs, row);
            return new Found(listing, tier + "," + listing.createdAt(), fuzzy);
        });
    }

    /** A page in the stars, newest or price order. */
    private List<Found> ordered(ListingQuery query, List<Word> words, @Nullable ListingCursor after, int limit,
            List<List<String>> alternatives, boolean fuzzy) {
        Conditions conditions = new Conditions();
        if (!matches(words, alternatives, TEXT, conditions)) {
            return List.of();
        }
        filters(query, conditions);
        ListingQuery.Sort sort = query.sort();
        if (after != null) {
            switch (sort) {
                case STARS -> conditions.check(" and (stars, created_at, id) < (?, ?, ?)",
                        List.of(after.stars(), Timestamp.from(after.createdAt()), after.id()));
                case NEWEST -> conditions.check(" and (created_at, id) < (?, ?)",
                        List.of(Timestamp.from(after.createdAt()), after.id()));
                case PRICE -> conditions.check(" and (wholesale_price_vnd, id) > (?, ?)",
                        List.of(after.priceVnd(), after.id()));
                case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
            }
        }
        String order = switch (sort) {
            case STARS -> " order by stars desc, created_at desc, id desc";
            case NEWEST -> " order by created_at desc, id desc";
            case PRICE -> " order by wholesale_price_vnd, id";
            case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
        };
        return page(conditions, order, limit + 1, walksAnIndex(query, sort), (rs, row) -> {
            Listing listing = LISTING.mapRow(rs, row);
            String key = switch (sort) {
                case STARS -> listing.stars() + "," + listing.createdAt();
                case NEWEST -> listing.createdAt().toString();
                case PRICE -> String.valueOf(listing.wholesalePriceVnd());
                case RELEVANCE -> throw new IllegalStateException("relevance is paged by tier");
            };
            return new Found(listing, key, fuzzy);
        });
    }

    /**
     * The first {@code rows} active listings meeting the conditions in this order. When the
     * planner's statistics say the word indexes find few listings ({@link #collects}), every
     * match is collected and the page kept of them, in a statement whose text leaves no other
     * plan, planned once per connection; so is a search without words that walks an index
     * ({@link #walksAnIndex}); otherwise PostgreSQL plans the statement with its values, to walk
     * an index in the page's order or collect the matches as it judges cheaper.
     */
    private List<Found> page(Conditions conditions, String order, int rows, boolean walks, RowMapper<Found> found) {
        List<Object> params = new ArrayList<>(conditions.params());
        params.add(rows);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (collect && walks && conditions.indexed.isEmpty()) {
            (inTransaction ? customPages : walkedPages).increment();
            return preparedReads().sql(keysFirst(ACTIVE_LISTINGS + conditions.checked, order)).params(params)
                    .query(found).list();
        }
        Frequencies known = !collect || conditions.indexed.isEmpty() ? null : frequencies();
        if (known != null && collects(conditions.share, known.listings(), rows)) {
            (inTransaction ? customPages : collectedPages).increment();
            return preparedReads().sql(collected(conditions, order)).params(params).query(found).list();
        }
        customPages.increment();
        return reads().sql(keysFirst(ACTIVE_LISTINGS + conditions.indexed + conditions.checked, order)).params(params)
                .query(found).list();
    }

    /**
     * Whether a search has one good plan whatever its values: it has no words, and its filters
     * are the leading columns of the index that holds its order (V1, V2, V4, V9), so PostgreSQL
     * walks that index from the filters' values (and the cursor's) and stops after a page. Browsing a
     * group, a province, both, by stars or by price.
     */
    static boolean walksAnIndex(ListingQuery query, ListingQuery.Sort sort) {
        if (!query.words().isEmpty()) {
            return false;
        }
        boolean group = query.group() != null;
        boolean stars = query.minStars() != null;
        boolean province = query.province() != null;
        boolean price = query.maxPriceVnd() != null;
        return switch (sort) {
            case RELEVANCE, NEWEST -> !stars && !price;
            case STARS -> !province && !price;
            case PRICE -> !group && !stars && !province;
        };
    }

    /** How many pages search's connections read in a statement planned once (collected, or walking an index). */
    long genericPages() {
        return collectedPages.sum() + walkedPages.sum();
    }

    /**
     * Whether a statement had better collect every listing the word indexes find than walk an
     * index in the page's order: they are at most {@link #MAX_COLLECTED} by the planner's
     * estimate, and fewer than the walk would read to fill the page (about {@code rows / share}
     * listings when the words are independent of the order).
     */
    static boolean collects(double share, double listings, int rows) {
        double matches = share * listings;
        return listings > 0 && matches <= MAX_COLLECTED && matches * matches <= rows * listings;
    }

    /**
     * A page's statement from its conditions ({@code from listing where …}) and order, the limit
     * its last parameter: the page's ids first, then their columns. PostgreSQL orders the matches
     * a word index collects (about 1,250 of a million listings for a three-word name) by keeping
     * the first page of them, and every match it sorts carries the columns the statement returns:
     * the id and the sort keys instead of all twenty-four, then the page's rows read again by
     * their key.
     */
    private static String keysFirst(CharSequence conditions, String order) {
        return "select " + COLUMNS + " from listing where id = any(array(select id" + conditions + order
                + " limit ?))" + order;
    }

    /**
     * As {@link #keysFirst}, but the listings are only those the word indexes find: the indexed
     * conditions in a subquery that PostgreSQL plans on its own ({@code offset 0} keeps its
     * conditions in and the others out), so that it has no index order to walk and no filter's
     * index to choose: it reads the word indexes (or, for a small table, the table itself)
     * whatever the values, and the other conditions are checked on the listings it finds. A
     * plan made once without the values is then as good as one made for them, and PostgreSQL
     * does not plan the statement again on every search (planning was about a sixth of
     * PostgreSQL's time for the benchmark's mix).
     */
    private static String collected(Conditions conditions, String order) {
        return "select " + COLUMNS + " from listing where id = any(array(select id from (select *"
                + ACTIVE_LISTINGS + conditions.indexed + " offset 0) listing where true" + conditions.checked + order
                + " limit ?))" + order;
    }

    /**
     * A statement's conditions: those a word index answers (arrays the listing's words must
     * meet) and those checked on the rows found, each with its parameters, and an estimate of
     * the share of listings meeting the first made as the planner makes it: the lists' shares
     * multiplied, as if their words came independently. Words that usually come together make
     * it too low, for the planner as well, which then collects such matches too.
     */
    private static final class Conditions {

        final StringBuilder indexed = new StringBuilder();
        final List<Object> indexedParams = new ArrayList<>();
        final StringBuilder checked = new StringBuilder();
        final List<Object> checkedParams = new ArrayList<>();
        /** The estimated share of listings meeting the indexed conditions. */
        double share = 1;

        /**
         * The listing's word array (a GIN-indexed column) must meet this list, which this share
         * of listings holds (1 when the column has no statistics).
         */
        void index(String column, Collection<String> list, double listShare) {
            indexed.append(" and ").append(column).append(" && ?::text[]");
            indexedParams.add(list.toArray(String[]::new));
            share *= Math.min(1, listShare);
        }

        void check(String condition, List<?> params) {
            checked.append(condition);
            checkedParams.addAll(params);
        }

        /** The parameters in the order of the conditions: indexed, then checked. */
        List<Object> params() {
            List<Object> params = new ArrayList<>(indexedParams);
            params.addAll(checkedParams);
            return params;
        }
    }

    /** Where a tier looks for the words: the normalised text, and the indexed array of its words. */
    private record Field(String text, String words, boolean pairs) {
    }

    /** The name: its words and every pair of them are indexed, so that several words meet in one short list. */
    private static final Field NAME = new Field("name_norm", "name_pairs", true);

    /** The whole searchable text: its words are indexed. */
    private static final Field TEXT = new Field("search_text", "search_words", false);

    /**
     * Every word of the query must appear in the field (within one of its words, or literally in
     * its text), or one of the vocabulary words standing in for it; false when no listing can
     * match. Planned with the values, the word lists are constants, so the planner sees how
     * common they are and the GIN index serves them; the conditions carry the estimate of how
     * many listings hold a word of every list, for {@link #page} to choose a statement.
     */
    private boolean matches(List<Word> words, List<List<String>> alternatives, Field field, Conditions conditions) {
        List<List<String>> sets = new ArrayList<>();
        List<@Nullable String> setPieces = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            List<String> alts = i < alternatives.size() ? alternatives.get(i) : List.of();
            boolean exact = !word.impossible();
            if (alts.isEmpty()) {
                if (!exact) {
                    return false;
                }
                if (word.literal()) {
                    like(conditions, field, word.typed());
                }
                for (Piece piece : word.pieces()) {
                    sets.add(piece.words());
                    setPieces.add(word.literal() ? null : piece.text());
                }
            }
            else if (!exact || (!word.literal() && word.pieces().size() == 1)) {
                // The word's own list (when any word contains it) widened by its alternatives'.
                List<String> set = new ArrayList<>(exact ? word.pieces().get(0).words() : List.of());
                alts.stream().filter(alt -> !set.contains(alt)).forEach(set::add);
                sets.add(set);
                setPieces.add(null);
            }
            else {
                // The word as typed (literally and by its pieces), or one of its alternatives.
                StringBuilder sql = new StringBuilder(" and ((true");
                List<Object> params = new ArrayList<>();
                if (word.literal()) {
                    sql.append(" and ").append(field.text()).append(LIKE);
                    params.add(escapeLike(word.typed()));
                }
                for (Piece piece : word.pieces()) {
                    sql.append(" and ").append(field.words()).append(" && ?::text[]");
                    params.add(piece.words().toArray(String[]::new));
                }
                sql.append(") or ").append(field.words()).append(" && ?::text[])");
                params.add(alts.toArray(String[]::new));
                conditions.check(sql.toString(), params);
            }
        }
        if (sets.isEmpty()) {
            return true;
        }
        Frequencies known = frequencies();
        if (field.pairs()) {
            pairs(conditions, field, sets, known.names());
        }
        else {
            common(conditions, field, sets, setPieces, known.words());
        }
        return true;
    }

    private static final String LIKE = " like '%' || lower(f_unaccent(?)) || '%' escape '\\'";

    private static void like(Conditions conditions, Field field, String typed) {
        conditions.check(" and " + field.text() + LIKE, List.of(escapeLike(typed)));
    }

    /**
     * The lists as pairs: one list (the pivot) is paired with each other, so that a listing
     * holding a word of both is found in the pair's short posting list instead of by
     * intersecting two long ones. A product of lists that would be too long stays a word list.
     * Any list may be the pivot (a name holds a word of every list exactly when it holds a word
     * of the pivot and one of each other), so it is the one whose lists the index reads the
     * fewest entries of ({@link #pivot}).
     */
    private static void pairs(Conditions conditions, Field field, List<List<String>> sets, Shares shares) {
        for (Collection<String> list : pairLists(sets, pivot(sets, shares))) {
            conditions.index(field.words(), list, shares.estimate(list));
        }
    }

    /**
     * The lists the name's words and pairs must each meet, around the pivot: the pivot paired
     * with each other list, or that list itself when the pairs would be too many; and the pivot
     * itself when it was paired with none.
     */
    static List<Collection<String>> pairLists(List<List<String>> sets, int pivotIndex) {
        List<String> pivot = sets.get(pivotIndex);
        List<Collection<String>> lists = new ArrayList<>();
        boolean paired = false;
        for (int i = 0; i < sets.size(); i++) {
            if (i == pivotIndex) {
                continue;
            }
            List<String> set = sets.get(i);
            if ((long) set.size() * pivot.size() <= MAX_PAIRS) {
                lists.add(pairs(pivot, set));
                paired = true;
            }
            else {
                lists.add(set);
            }
        }
        if (!paired) {
            lists.add(pivot);
        }
        return lists;
    }

    private static Set<String> pairs(List<String> pivot, List<String> set) {
        Set<String> pairs = new LinkedHashSet<>();
        for (String a : pivot) {
            for (String b : set) {
                pairs.add(pair(a, b));
            }
        }
        return pairs;
    }

    /**
     * Which list to pair the others with: the one that leaves the index the fewest entries to
     * read, estimated from the share of names holding each pair or word ({@link Shares}),
     * then the shortest list. Words that often come together make long pair lists: in a
     * catalogue of "Nước mắm …", pairing "nước mắm phú quốc" around "nước" reads every "mắm
     * nước" entry, around "quốc" only the few names from Phú Quốc.
     */
    static int pivot(List<List<String>> sets, Shares shares) {
        int best = 0;
        double bestEntries = Double.MAX_VALUE;
        for (int i = 0; i < sets.size(); i++) {
            double entries = pairLists(sets, i).stream().mapToDouble(shares::of).sum();
            if (entries < bestEntries || (entries == bestEntries && sets.get(i).size() < sets.get(best).size())) {
                best = i;
                bestEntries = entries;
            }
        }
        return best;
    }

    /**
     * The share of listings holding each element of one of their word arrays (the searchable
     * words, or the name's words and pairs), from the planner's statistics: its most common
     * elements with theirs, and any other as {@code rare}, half the least common one's (as
     * PostgreSQL counts an element it has no statistics for, unless that is above 0.5 %); a
     * list's share is the sum of its elements', never less than the planner's.
     */
    record Shares(Map<String, Double> common, double rare) {

        static final Shares NONE = new Shares(Map.of(), 0);

        /**
         * The share of listings holding an element of this list, for a statement's estimate: 1
         * (unknown) when the column has no statistics (an analysed table with words has common
         * elements).
         */
        double estimate(Collection<String> elements) {
            return common.isEmpty() ? 1 : of(elements);
        }

        /** The summed shares of these words or pairs: about how many index entries they are. */
        double of(Collection<String> elements) {
            return elements.stream().mapToDouble(element -> common.getOrDefault(element, rare)).sum();
        }
    }

    /**
     * Two words as the name's pair list holds them (see word_pairs in V5): a word with itself is
     * the word, else the two in byte order (collation "C") with a space between.
     */
    static String pair(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        int order = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        return order < 0 ? a + " " + b : b + " " + a;
    }

    /**
     * The lists for the whole text: a very common word (in more than {@link #COMMON_SHARE} of
     * the listings, by the planner's statistics) is left out of the index lookup when a rarer
     * word is in it, and checked on the rows found instead: intersecting its long posting list
     * costs more than testing the few rows the rarer words leave.
     */
    private static void common(Conditions conditions, Field field, List<List<String>> sets,
            List<@Nullable String> pieces, Shares shares) {
        Map<String, Double> frequencies = sets.size() > 1 ? shares.common() : Map.of();
        double[] share = new double[sets.size()];
        int rarest = 0;
        for (int i = 0; i < sets.size(); i++) {
            share[i] = sets.get(i).stream().mapToDouble(word -> frequencies.getOrDefault(word, 0.0)).sum();
            if (share[i] < share[rarest]) {
                rarest = i;
            }
        }
        for (int i = 0; i < sets.size(); i++) {
            String piece = pieces.get(i);
            if (i != rarest && piece != null && share[i] > COMMON_SHARE) {
                conditions.check(" and " + field.text() + " like ? escape '\\'", List.of("%" + escapeLike(piece) + "%"));
            }
            else {
                conditions.index(field.words(), sets.get(i), shares.estimate(sets.get(i)));
            }
        }
    }

    /**
     * The planner's most common elements with the share of listings holding each: of the
     * searchable words, and of the name's words and pairs; and about how many listings there are
     * (0 while neither array has statistics).
     */
    private record Frequencies(Shares words, Shares names, double listings) {
    }

    /** One of a word array's most common elements, and what the planner counts a rarer one as. */
    private record Element(String column, String element, double share, double rare, double listings) {
    }

    private Frequencies frequencies() {
        return frequencies.get(Boolean.TRUE);
    }

    /** The planner's statistics of the listing's word arrays. */
    private Frequencies loadFrequencies() {
        // most_common_elem_freqs holds one share per element, then the least and the greatest of
        // them and the share of nulls.
        List<Element> elements = reads().sql("""
                select s.attname, e.element, e.share,
                    s.most_common_elem_freqs[cardinality(s.most_common_elem_freqs) - 2] / 2 as rare,
                    c.reltuples as listings
                from pg_stats s
                join pg_class c on c.oid = to_regclass('listing')
                cross join unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e (element, share)
                where s.schemaname = current_schema() and s.tablename = 'listing'
                    and s.attname in ('search_words', 'name_pairs') and e.element is not null
                """)
                .query((rs, row) -> new Element(rs.getString("attname"), rs.getString("element"),
                        rs.getDouble("share"), rs.getDouble("rare"), rs.getDouble("listings")))
                .list();
        Map<String, Double> words = new HashMap<>();
        Map<String, Double> names = new HashMap<>();
        double rareWord = 0;
        double rareName = 0;
        double listings = 0;
        for (Element element : elements) {
            listings = Math.max(0, element.listings());
            if (element.column().equals("search_words")) {
                words.put(element.element(), element.share());
                rareWord = element.rare();
            }
            else {
                names.put(element.element(), element.share());
                rareName = element.rare();
            }
        }
        return new Frequencies(new Shares(Map.copyOf(words), rareWord), new Shares(Map.copyOf(names), rareName),
                listings);
    }

    private static void filters(ListingQuery query, Conditions conditions) {
        if (query.group() != null) {
            conditions.check(" and product_group = ?", List.of(query.group()));
        }
        if (query.minStars() != null) {
            conditions.check(" and stars >= ?", List.of(query.minStars()));
        }
        if (query.province() != null) {
            conditions.check(" and lower(f_unaccent(province)) = lower(f_unaccent(?))", List.of(query.province()));
        }
        if (query.maxPriceVnd() != null) {
            conditions.check(" and wholesale_price_vnd <= ?", List.of(query.maxPriceVnd()));
        }
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
