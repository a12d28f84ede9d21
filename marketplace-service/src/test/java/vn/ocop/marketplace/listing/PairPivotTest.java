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
        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, Map.of())).isZero();
        assertThat(Listings.pivot(List.of(List.of("lua", "luas"), List.of("van")), Map.of())).isEqualTo(1);
    }

    @Test
    void wordsThatOftenComeTogetherAreNotPairedWithEachOther() {
        // One name in twenty is a fish sauce ("mắm nước"); a few are from Phú Quốc.
        Map<String, Double> shares = Map.of("nuoc", 0.06, "mam", 0.05, "mam nuoc", 0.05, "nuoc phu", 0.005,
                "phu quoc", 0.002, "nuoc quoc", 0.00125, "mam quoc", 0.00125);

        assertThat(Listings.pivot(NUOC_MAM_PHU_QUOC, shares)).isEqualTo(3);
    }
}
