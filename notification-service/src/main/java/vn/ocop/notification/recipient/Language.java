package vn.ocop.notification.recipient;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** The languages messages are written in; Vietnamese unless a recipient or a reader asks otherwise. */
public enum Language {
    VI,
    EN;

    public static final Language DEFAULT = VI;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> of(@Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String primary = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (primary.equals(language.code()) || primary.startsWith(language.code() + "-")) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The first language of an {@code Accept-Language} header that we write, in the client's order of preference. */
    public static Optional<Language> fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> language = of(range.getRange());
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
