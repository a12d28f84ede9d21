package vn.ocop.evaluation.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.ocop.evaluation.ruleset.Criterion;
import vn.ocop.web.InvalidRequestException;

/** One council member's scores for one case; the total is always computed here, never taken from the client. */
public record ScoreSheet(UUID id, UUID evaluationId, String evaluator, int total, List<Score> scores, Instant submittedAt) {

    public record Score(String criterion, int points) {
    }

    /**
     * Checks the scores against the template: every criterion scored once, none unknown, none
     * above its maximum or below zero.
     */
    static int validatedTotal(List<Score> scores, List<Criterion> template) {
        Map<String, Criterion> byCode = template.stream().collect(Collectors.toMap(Criterion::code, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (Score score : scores) {
            Criterion criterion = byCode.get(score.criterion());
            if (criterion == null) {
                problems.add("unknown criterion " + score.criterion());
            }
            else if (!seen.add(score.criterion())) {
                problems.add("criterion " + score.criterion() + " is scored twice");
            }
            else if (score.points() < 0 || score.points() > criterion.maxPoints()) {
                problems.add("criterion " + score.criterion() + " takes 0 to " + criterion.maxPoints()
                        + " points, not " + score.points());
            }
            else {
                total += score.points();
            }
        }
        template.stream().map(Criterion::code).filter(code -> !seen.contains(code)).sorted()
                .forEach(code -> problems.add("criterion " + code + " is not scored"));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("scores", String.join("; ", problems));
        }
        return total;
    }
}
