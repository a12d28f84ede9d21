package vn.ocop.notification.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import vn.ocop.notification.recipient.Language;
import vn.ocop.notification.recipient.Recipient;

/**
 * Renders a message's facts as text from {@code templates/inbox_<language>.properties}, keyed
 * {@code <audience>.<KIND>.title} and {@code .body}. A placeholder is {@code {fact}}, or
 * {@code {fact,vnd}}, {@code {fact,date}}, {@code {fact,list}} for money, dates and lists, written
 * the way each language writes them; {@code [[ … ]]} is left out when a fact inside it is missing.
 */
@Component
public class Templates {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?:,(vnd|date|list))?}");
    private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    public Templates() {
        for (Language language : Language.values()) {
            texts.put(language, load("templates/inbox_" + language.code() + ".properties"));
        }
    }

    public Rendered render(Recipient.Audience audience, MessageKind kind, JsonNode facts, Language language) {
        String key = audience.prefix() + "." + kind.name();
        return new Rendered(language, fill(template(language, key + ".title"), facts, language),
                fill(template(language, key + ".body"), facts, language));
    }

    /** Every template key of a language, for checks that both languages say the same things. */
    Map<String, String> all(Language language) {
        Map<String, String> all = new HashMap<>();
        texts.get(language).forEach((key, value) -> all.put(key.toString(), value.toString()));
        return all;
    }

    private String template(Language language, String key) {
        String template = texts.get(language).getProperty(key);
        if (template == null) {
            throw new IllegalStateException("no template " + key + " in " + language.code());
        }
        return template;
    }

    static String fill(String template, JsonNode facts, Language language) {
        Matcher optional = OPTIONAL.matcher(template);
        StringBuilder withOptionals = new StringBuilder();
        while (optional.find()) {
            String inner = optional.group(1);
            optional.appendReplacement(withOptionals, Matcher.quoteReplacement(allPresent(inner, facts) ? inner : ""));
        }
        optional.appendTail(withOptionals);
        Matcher placeholder = PLACEHOLDER.matcher(withOptionals);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            String value = format(facts.get(placeholder.group(1)), placeholder.group(2), language);
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static boolean allPresent(String text, JsonNode facts) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            JsonNode value = facts.get(placeholder.group(1));
            if (value == null || value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String format(@Nullable JsonNode value, @Nullable String style, Language language) {
        if (value == null || value.isNull()) {
            return "";
        }
        if ("vnd".equals(style) && value.isNumber()) {
            return language == Language.VI
                    ? NumberFormat.getIntegerInstance(VIETNAMESE).format(value.asLong()) + " ₫"
                    : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value.asLong()) + " VND";
        }
        if ("date".equals(style)) {
            try {
                LocalDate date = LocalDate.parse(value.asString());
                return language == Language.VI
                        ? DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date)
                        : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date);
            }
            catch (DateTimeParseException e) {
                return value.asString();
            }
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join("; ", items);
        }
        if (value.isFloatingPointNumber()) {
            double number = value.asDouble();
            return number == Math.rint(number) ? String.valueOf((long) number)
                    : NumberFormat.getNumberInstance(language == Language.VI ? VIETNAMESE : Locale.ENGLISH).format(number);
        }
        return value.asString();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
