package vn.ocop.evaluation.ruleset;

import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StarBandsTest {

    /** The bands every rule set ships (DESIGN §5). */
    private static final StarBands OCOP = new StarBands(List.of(0.0, 30.0, 50.0, 70.0, 90.0), 3);

    @Property
    void everyScoreFallsInTheBandWhoseLowerBoundItReachesAndTheNextItDoesNot(
            @ForAll @DoubleRange(min = 0, max = 100) double score) {
        int stars = OCOP.starsFor(score);

        assertThat(score).isGreaterThanOrEqualTo(OCOP.lowerBound(stars));
        if (stars < OCOP.maxStars()) {
            assertThat(score).isLessThan(OCOP.lowerBound(stars + 1));
        }
    }

    @Property
    void starsNeverFallAsTheScoreRises(@ForAll @DoubleRange(min = 0, max = 100) double lower,
            @ForAll @DoubleRange(min = 0, max = 100) double higher) {
        if (lower <= higher) {
            assertThat(OCOP.starsFor(lower)).isLessThanOrEqualTo(OCOP.starsFor(higher));
        }
    }

    @Property
    void eachBandStartsExactlyAtItsLowerBound(@ForAll @IntRange(min = 1, max = 5) int stars) {
        assertThat(OCOP.starsFor(OCOP.lowerBound(stars))).isEqualTo(stars);
        if (stars > 1) {
            assertThat(OCOP.starsFor(Math.nextDown(OCOP.lowerBound(stars)))).isEqualTo(stars - 1);
        }
    }

    @Property
    void scoresOutsideZeroToHundredAreRefused(@ForAll @DoubleRange(min = 100.01, max = 1e6) double tooHigh) {
        assertThatIllegalArgumentException().isThrownBy(() -> OCOP.starsFor(tooHigh));
        assertThatIllegalArgumentException().isThrownBy(() -> OCOP.starsFor(-tooHigh));
    }

    @Example
    void theDecisionsBandsGiveTheirStars() {
        assertThat(List.of(0.0, 29.99, 30.0, 49.99, 50.0, 69.99, 70.0, 89.99, 90.0, 100.0).stream()
                .map(OCOP::starsFor).toList())
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Example
    void bandsThatDoNotRiseFromZeroAreNoRuleSet() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StarBands(List.of(10.0, 30.0), 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new StarBands(List.of(0.0, 50.0, 50.0), 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new StarBands(List.of(0.0, 50.0), 3));
    }
}
