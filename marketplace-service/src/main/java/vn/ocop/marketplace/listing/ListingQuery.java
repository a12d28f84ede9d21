package vn.ocop.marketplace.listing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.InvalidRequestException;

/**
 * A search of active listings: free text plus filters, in one of four orders.
 *
 * @param q words that must each appear (without regard to case or diacritics) in the name,
 *     producer, province, commune or story; when nothing matches as typed, a word of four letters
 *     or more that no listing contains (a typo) also matches through the closest words of the
 *     listings' vocabulary
 */
public record ListingQuery(@Nullable String q, @Nullable Integer group, @Nullable Integer minStars,
        @Nullable String province, @Nullable Long maxPriceVnd, Sort sort) {

    public static final int MAX_QUERY_LENGTH = 200;

    /** Shortest word that may match with a typo; shorter words must appear as typed. */
    public static final int FUZZY_MIN_LENGTH = 4;

    /**
     * How close a vocabulary word must be to a mistyped word to stand in for it (pg_trgm's
     * word_similarity): 0.4 still accepts a one-letter typo in a short syllable ("ngyen" and
     * "nguyen" score 0.44).
     */
    public static final double FUZZY_SIMILARITY = 0.4;

    /** At most this many vocabulary words, the closest, stand in for one mistyped word. */
    public static final int FUZZY_ALTERNATIVES = 3;

    public enum Sort {
        RELEVANCE,
        STARS,
        NEWEST,
        PRICE;

        static Sort parse(@Nullable String value, boolean hasText) {
            if (value == null || value.isBlank()) {
                return hasText ? RELEVANCE : NEWEST;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                throw new InvalidRequestException("sort", "sort must be one of relevance, stars, newest, price");
            }
        }
    }

    public ListingQuery {
        if (q != null && q.isBlank()) {
            q = null;
        }
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidRequestException("q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
    }

    public static ListingQuery of(@Nullable String q, @Nullable Integer group, @Nullable Integer minStars,
            @Nullable String province, @Nullable Long maxPriceVnd, @Nullable String sort) {
        boolean hasText = q != null && !q.isBlank();
        return new ListingQuery(q, group, minStars, province, maxPriceVnd, Sort.parse(sort, hasText));
    }

    /** The words of {@code q}, as typed (normalisation happens in PostgreSQL). */
    List<String> words() {
        return q == null ? List.of() : Arrays.stream(q.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
