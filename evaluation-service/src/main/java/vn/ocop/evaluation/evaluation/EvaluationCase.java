package vn.ocop.evaluation.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.evaluation.ruleset.Stars;
import vn.ocop.web.ConflictException;

/** A submitted product under evaluation by a council, and the decision once taken. */
public record EvaluationCase(
        UUID id,
        UUID productId,
        UUID submissionId,
        String level,
        String province,
        int productGroup,
        String ruleSet,
        EvaluationStatus status,
        ProductSnapshot product,
        Instant openedAt,
        @Nullable Instant decidedAt,
        @Nullable Integer stars,
        @Nullable Double averageScore,
        @Nullable String certificateNo) {

    /** The council's outcome: stars from the mean of the members' totals. */
    public record Decision(int stars, double averageScore, boolean certified, List<String> reasons) {
    }

    static final class AlreadyDecided extends ConflictException {
        AlreadyDecided(EvaluationCase evaluation) {
            super("evaluation-decided", "Evaluation " + evaluation.id() + " was already decided");
        }
    }

    static final class NoScoreSheets extends ConflictException {
        NoScoreSheets(EvaluationCase evaluation) {
            super("evaluation-not-scored", "Evaluation " + evaluation.id() + " has no score sheet yet");
        }
    }

    void requireOpen() {
        if (status != EvaluationStatus.OPEN) {
            throw new AlreadyDecided(this);
        }
    }

    Decision decide(List<ScoreSheet> sheets) {
        requireOpen();
        if (sheets.isEmpty()) {
            throw new NoScoreSheets(this);
        }
        double mean = sheets.stream().mapToInt(ScoreSheet::total).average().orElseThrow();
        double rounded = Math.round(mean * 100) / 100.0;
        int stars = Stars.forScore(rounded);
        boolean certified = stars >= Stars.CERTIFIED_MINIMUM;
        List<String> reasons = new ArrayList<>();
        if (!certified) {
            reasons.add("Average score " + rounded + " is below the " + Stars.lowerBound(Stars.CERTIFIED_MINIMUM)
                    + " points needed for " + Stars.CERTIFIED_MINIMUM + " stars");
        }
        return new Decision(stars, rounded, certified, reasons);
    }
}
