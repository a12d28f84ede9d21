package vn.ocop.evaluation.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import vn.ocop.evaluation.ruleset.Level;
import vn.ocop.evaluation.ruleset.MandatoryCriterion;
import vn.ocop.evaluation.ruleset.StarBands;

/**
 * A council's outcome, reached from the members' sheets and the rule set alone.
 *
 * @param stars the stars the council's scores earn: the band of the mean total, lowered while a
 *     mandatory criterion of that level is not met
 * @param certifiedStars the stars of the certificate this level issues; null when it issues none
 * @param forward true when the case moves on to the rule set's next level
 * @param reasons why the stars are not higher, or why a result stands, in words a producer can act on
 */
public record Decision(int stars, double averageScore, @Nullable Integer certifiedStars, boolean forward,
        boolean rejected, List<String> reasons) {

    /**
     * @param standingStars the stars of the lower level's certificate that stands while this level
     *     decides, or null
     */
    static Decision reach(List<ScoreSheet> sheets, List<MandatoryCriterion> mandatory, StarBands bands, Level level,
            @Nullable Integer standingStars) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one score sheet");
        }
        double average = round(sheets.stream().mapToInt(ScoreSheet::total).average().orElseThrow());
        Map<String, Double> meanPoints = meanPoints(sheets);
        List<String> reasons = new ArrayList<>();
        int stars = bands.starsFor(average);
        while (stars > 1) {
            int attempted = stars;
            List<String> unmet = mandatory.stream()
                    .filter(m -> m.stars() <= attempted && meanPoints.getOrDefault(m.criterion(), 0.0) < m.minPoints())
                    .map(m -> m.criterion() + " has " + format(meanPoints.getOrDefault(m.criterion(), 0.0))
                            + " points on average, " + m.minPoints() + " needed")
                    .toList();
            if (unmet.isEmpty()) {
                break;
            }
            reasons.add(stars + " stars need every mandatory criterion met: " + String.join("; ", unmet));
            stars--;
        }
        if (stars < bands.certifiedMinimum()) {
            if (average < bands.lowerBound(bands.certifiedMinimum())) {
                reasons.add("Average score " + format(average) + " is below the "
                        + format(bands.lowerBound(bands.certifiedMinimum())) + " points needed for "
                        + bands.certifiedMinimum() + " stars");
            }
            return new Decision(stars, average, null, false, true, List.copyOf(reasons));
        }
        boolean forward = level.forwards(average, stars);
        Integer certified = level.certifiesMaxStars() == null ? null : Math.min(stars, level.certifiesMaxStars());
        if (certified != null && standingStars != null && certified <= standingStars) {
            reasons.add("The " + level.code() + " council's " + certified + " stars do not exceed the "
                    + standingStars + " stars of the lower level's certificate, which stands");
            certified = null;
        }
        if (forward) {
            reasons.add("Average score " + format(average) + " reaches " + format(level.forwardMinScore())
                    + ": the case goes on to the " + level.nextLevel() + " council");
        }
        else if (certified == null && standingStars == null) {
            // Only a rule set whose data is inconsistent gets here: RuleSetDataTest keeps ours out.
            reasons.add("The " + level.code() + " council certifies no stars and the case cannot go further");
        }
        return new Decision(stars, average, certified, forward, false, List.copyOf(reasons));
    }

    public boolean certified() {
        return certifiedStars != null;
    }

    /** Each criterion's points averaged over the sheets; a criterion missing from a sheet counts 0 there. */
    private static Map<String, Double> meanPoints(List<ScoreSheet> sheets) {
        return sheets.stream().flatMap(sheet -> sheet.scores().stream())
                .collect(Collectors.groupingBy(ScoreSheet.Score::criterion,
                        Collectors.summingDouble(ScoreSheet.Score::points)))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() / sheets.size()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String format(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(round(value));
    }
}
