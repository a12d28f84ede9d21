package vn.ocop.marketplace.listing;

import java.util.List;
import java.util.Map;

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
        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, Listings.NameShares.NONE)).isZero();
        assertThat(Listings.pivot(List.of(List.of("lua", "luas"), List.of("van")), Listings.NameShares.NONE)).isEqualTo(1);
    }

    @Test
    void wordsThatOftenComeTogetherAreNotPairedWithEachOther() {
        // One name in twenty is a fish sauce ("mắm nước"); a few are from Phú Quốc.
        Map<String, Double> shares = Map.of("nuoc", 0.06, "mam", 0.05, "mam nuoc", 0.05, "nuoc phu", 0.005,
                "phu quoc", 0.002, "nuoc quoc", 0.00125, "mam quoc", 0.00125);

        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, new Listings.NameShares(shares, 0.0005))).isEqualTo(3);
    }

    @Test
    void manyRarePairsCanCostMoreThanOneCommonOne() {
        // "x" and "y" often come together; the twenty words of a broad list pair with them in
        // names the planner has no statistics for. Around that list, forty such pairs; around
        // "x", twenty and the common "x y".
        List<String> broad = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "b" + i).toList();
        List<List<String>> sets = List.of(List.of("x"), broad, List.of("y"));
        Map<String, Double> common = Map.of("x y", 0.01);

        // Counted as nothing, the rare pairs make the broad list look cheapest …
        assertThat(Listings.pivot(sets, new Listings.NameShares(common, 0.0))).isEqualTo(1);
        // … counted as the planner counts them (half the least common element's share), not.
        assertThat(Listings.pivot(sets, new Listings.NameShares(common, 0.001))).isZero();
    }
}
