package vn.ocop.notification.recipient;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ocop.web.InvalidRequestException;

/**
 * Someone notification addresses: a producer or a retailer by id, or an agriculture office by its
 * province. Written as {@code producer:{id}}, {@code retailer:{id}}, {@code office:{province}}.
 */
public record Recipient(Audience audience, String id) {

    /** The kinds of recipient; each gets its own wording of the same facts. */
    public enum Audience {
        PRODUCER,
        RETAILER,
        OFFICE;

        public String prefix() {
            return name().toLowerCase();
        }
    }

    private static final Pattern FORM = Pattern.compile("(producer|retailer|office):(.+)");

    public static Recipient producer(UUID id) {
        return new Recipient(Audience.PRODUCER, id.toString());
    }

    public static Recipient retailer(UUID id) {
        return new Recipient(Audience.RETAILER, id.toString());
    }

    public static Recipient office(String province) {
        return new Recipient(Audience.OFFICE, province);
    }

    /** Reads a recipient from a request: 400 naming {@code field} when it is not one of the three forms. */
    public static Recipient parse(String text, String field) {
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches() || matcher.group(2).isBlank()) {
            throw new InvalidRequestException(field, field + " must be producer:{id}, retailer:{id} or office:{province}");
        }
        Audience audience = Audience.valueOf(matcher.group(1).toUpperCase());
        String id = matcher.group(2).strip();
        if (audience != Audience.OFFICE) {
            try {
                id = UUID.fromString(id).toString();
            }
            catch (IllegalArgumentException e) {
                throw new InvalidRequestException(field, "the id of a " + audience.prefix() + " is a UUID");
            }
        }
        return new Recipient(audience, id);
    }

    @Override
    public String toString() {
        return audience.prefix() + ":" + id;
    }
}
