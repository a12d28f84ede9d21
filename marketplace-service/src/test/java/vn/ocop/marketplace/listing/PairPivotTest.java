package vn.ocop.marketplace.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of a query's word lists the name's pairs are built around: the one whose pair lists the
 * index reads the fewest entries of, by the planner's shares of names holding each pair.
 */
class PairPivotTest {

    private static final List<List<String>> NUOC_MAM_PHU_QUOC = List.of(List.of("nuoc"), List.of("mam"),
            List.of("phu", "phuc", "phuoc"), List.of("quoc"));

    @Test
    void withoutStatisticsTheShortestListAsBefore() {
        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, Listings.Shares.NONE)).isZero();
        assertThat(Listings.pivot(List.of(List.of("lua", "luas"), List.of("van")), Listings.Shares.NONE)).isEqualTo(1);
    }

    @Test
    void wordsThatOftenComeTogetherAreNotPairedWithEachOther() {
        // One name in twenty is a fish sauce ("mắm nước"); a few are from Phú Quốc.
        Map<String, Double> shares = Map.of("nuoc", 0.06, "mam", 0.05, "mam nuoc", 0.05, "nuoc phu", 0.005,
                "phu quoc", 0.002, "nuoc quoc", 0.00125, "mam quoc", 0.00125);

        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, new Listings.Shares(shares, 0.0005))).isEqualTo(3);
    }

    @Test
    void manyRarePairsCanCostMoreThanOneCommonOne() {
        // "x" and "y" often come together; the twenty words of a broad list pair with them in
        // names the planner has no statistics for. Around that list, forty such pairs; around
        // "x", twenty and the common "x y".
        List<String> broad = IntStream.range(0, 20).mapToObj(i -> "b" + i).toList();
        List<List<String>> sets = List.of(List.of("x"), broad, List.of("y"));
        Map<String, Double> common = Map.of("x y", 0.01);

        // Counted as nothing, the rare pairs make the broad list look cheapest …
        assertThat(Listings.pivot(sets, new Listings.Shares(common, 0.0))).isEqualTo(1);
        // … counted as the planner counts them (half the least common element's share), not.
        assertThat(Listings.pivot(sets, new Listings.Shares(common, 0.001))).isZero();
    }

    @Test
    void whicheverListIsThePivotTheSameNamesMatch() {
        // Names and queries drawn from a small vocabulary, so that lists overlap and share
        // words, and now and then a list too long to pair. For every pivot, a name meets the
        // lists exactly when it holds a word of every list of the query.
        Random random = new Random(7);
        List<String> vocabulary = List.of("che", "thai", "nguyen", "nuoc", "mam", "phu", "quoc", "van");
        List<String> many = IntStream.range(0, 300).mapToObj(i -> "w" + i).toList();
        for (int round = 0; round < 5_000; round++) {
            List<String> name = draw(random, vocabulary, 1 + random.nextInt(5));
            if (random.nextInt(10) == 0) {
                name.add(many.get(random.nextInt(many.size())));
            }
            List<List<String>> sets = new ArrayList<>();
            for (int s = 1 + random.nextInt(4); s > 0; s--) {
                List<String> set = draw(random, vocabulary, 1 + random.nextInt(4));
                if (random.nextInt(8) == 0) {
                    set.addAll(many);
                }
                sets.add(List.copyOf(new LinkedHashSet<>(set)));
            }
            Set<String> elements = wordPairs(name);
            boolean holdsAll = sets.stream().allMatch(set -> set.stream().anyMatch(name::contains));
            for (int pivot = 0; pivot < sets.size(); pivot++) {
                boolean meetsAll = Listings.pairLists(sets, pivot).stream()
                        .allMatch(list -> list.stream().anyMatch(elements::contains));
                assertThat(meetsAll).as("name %s, lists %s, pivot %d", name, sets, pivot).isEqualTo(holdsAll);
            }
        }
    }

    private static List<String> draw(Random random, List<String> words, int count) {
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(words.get(random.nextInt(words.size())));
        }
        return drawn;
    }

    /** The name's words and the pairs of two of them, as word_pairs (V5) stores them. */
    private static Set<String> wordPairs(List<String> words) {
        Set<String> elements = new HashSet<>();
        for (String a : words) {
            for (String b : words) {
                elements.add(Listings.pair(a, b));
            }
        }
        return elements;
    }
}
