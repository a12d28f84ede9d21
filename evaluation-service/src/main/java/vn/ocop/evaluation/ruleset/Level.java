package vn.ocop.evaluation.ruleset;

import org.jspecify.annotations.Nullable;

/**
 * A council level of a rule set.
 *
 * @param certifiesMaxStars the most stars this level certifies; null when it only selects for the next level
 * @param forwardMinScore the mean score from which a case moves on to {@code nextLevel}
 */
public record Level(String code, int rank, @Nullable Integer certifiesMaxStars, @Nullable Double forwardMinScore,
        @Nullable String nextLevel) {

    /** True when a case with this mean and these stars goes on to the next level. */
    public boolean forwards(double averageScore, int stars) {
        return nextLevel != null && forwardMinScore != null && averageScore >= forwardMinScore
                && stars > (certifiesMaxStars == null ? 0 : certifiesMaxStars);
    }
}
