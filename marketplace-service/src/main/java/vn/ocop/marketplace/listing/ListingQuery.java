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
 *     producer, province, commune or story; words of four letters or more also match with a typo
 */
public record ListingQuery(@Nullable String q, @Nullable Integer group, @Nullable Integer minStars,
        @Nullable String province, @Nullable Long maxPriceVnd, Sort sort) {

    public static final int MAX_QUERY_LENGTH = 200;

    /** Shortest word that may match with a typo; shorter words must appear as typed. */
    public static final int FUZZY_MIN_LENGTH = 4;

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
