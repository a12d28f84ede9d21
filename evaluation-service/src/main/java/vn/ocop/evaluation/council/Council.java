package vn.ocop.evaluation.council;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A council that scores products at one level for one region (a province), or for every province
 * without a council of its own when the region is null.
 */
public record Council(UUID id, String name, String level, @Nullable String region, List<Member> members,
        Instant createdAt) {

    public record Member(String name, @Nullable String role) {
    }

    /**
     * The member an evaluator name designates: names compare after trimming, Unicode normalisation
     * and case folding, so "nguyễn văn an" typed on another keyboard still finds "Nguyễn Văn An".
     */
    public Optional<Member> member(String evaluator) {
        String key = key(evaluator);
        return members.stream().filter(m -> key(m.name()).equals(key)).findFirst();
    }

    public List<String> memberNames() {
        return members.stream().map(Member::name).toList();
    }

    static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
