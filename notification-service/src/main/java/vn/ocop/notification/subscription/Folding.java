package vn.ocop.notification.subscription;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Vietnamese text folded for matching: lower case, without diacritics, "đ" as "d". */
final class Folding {

    private Folding() {
    }

    static @Nullable String fold(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replaceAll("\\s+", " ");
    }

    static List<String> words(@Nullable String folded) {
        return folded == null ? List.of() : Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
