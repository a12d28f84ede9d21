package vn.ocop.marketplace.listing;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.InvalidRequestException;

/**
 * The keyset position after the last listing of a page, for the page's sort order: opaque to
 * clients, refused when malformed or when it belongs to another order.
 *
 * @param key the sort key of the last listing: for relevance its tier (1 when every word is in
 *     the name, 2 when not) and time, for stars its stars and time, for newest its time, for
 *     price its price
 * @param fuzzy whether the first page had to match with typos, so later pages match the same way
 */
public record ListingCursor(ListingQuery.Sort sort, String key, UUID id, boolean fuzzy) {

    public ListingCursor {
        try {
            checkKey(sort, key);
        }
        catch (IllegalArgumentException | DateTimeException e) {
            throw invalid();
        }
    }

    public String encode() {
        String plain = sort.name() + "|" + key + "|" + id + "|" + (fuzzy ? "f" : "e");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client passed back, or null for the first page. Cursors of another order, and
     * relevance cursors from before relevance was ordered in tiers (their key was a score), are
     * refused: the client starts again from the first page.
     */
    public static @Nullable ListingCursor decode(@Nullable String cursor, ListingQuery.Sort expected) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || !parts[0].equals(expected.name()) || !parts[3].matches("[fe]")) {
                throw new IllegalArgumentException("not a cursor of this order");
            }
            return new ListingCursor(expected, parts[1], UUID.fromString(parts[2]), parts[3].equals("f"));
        }
        catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** Relevance: the tier of the last listing, 1 (every word in the name) or 2. */
    int tier() {
        return Integer.parseInt(part(0));
    }

    /** Relevance, stars and newest: when the last listing was created. */
    Instant createdAt() {
        return Instant.parse(sort == ListingQuery.Sort.NEWEST ? key : part(1));
    }

    int stars() {
        return Integer.parseInt(part(0));
    }

    long priceVnd() {
        return Long.parseLong(key);
    }

    private String part(int index) {
        return key.split(",")[index];
    }

    private static void checkKey(ListingQuery.Sort sort, String key) {
        String[] parts = key.split(",", -1);
        int expectedParts = sort == ListingQuery.Sort.RELEVANCE || sort == ListingQuery.Sort.STARS ? 2 : 1;
        if (parts.length != expectedParts) {
            throw new IllegalArgumentException("key has " + parts.length + " parts");
        }
        switch (sort) {
            case RELEVANCE -> {
                if (!parts[0].equals("1") && !parts[0].equals("2")) {
                    throw new IllegalArgumentException("no such tier");
                }
                Instant.parse(parts[1]);
            }
            case STARS -> {
                Integer.parseInt(parts[0]);
                Instant.parse(parts[1]);
            }
            case NEWEST -> Instant.parse(parts[0]);
            case PRICE -> Long.parseLong(parts[0]);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor",
                "cursor is malformed or belongs to another sort order; pass back the nextCursor of a previous page");
    }
}
