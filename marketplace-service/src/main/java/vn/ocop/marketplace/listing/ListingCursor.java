package vn.ocop.marketplace.listing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.web.InvalidRequestException;

/**
 * The keyset position after the last listing of a page, for the page's sort order: opaque to
 * clients, refused when malformed or when it belongs to another order.
 *
 * @param key the sort key of the last listing (relevance rank, stars and time, time, or price)
 * @param fuzzy whether the first page had to match with typos, so later pages match the same way
 */
public record ListingCursor(ListingQuery.Sort sort, String key, UUID id, boolean fuzzy) {

    public String encode() {
        String plain = sort.name() + "|" + key + "|" + id + "|" + (fuzzy ? "f" : "e");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

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
            throw new InvalidRequestException("cursor",
                    "cursor is malformed or belongs to another sort order; pass back the nextCursor of a previous page");
        }
    }
}
