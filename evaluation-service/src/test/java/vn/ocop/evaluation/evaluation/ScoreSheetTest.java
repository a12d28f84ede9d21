package vn.ocop.evaluation.evaluation;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import vn.ocop.evaluation.ruleset.Criterion;
import vn.ocop.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreSheetTest {

    private static final List<Criterion> TEMPLATE = List.of(
            new Criterion("A1.1", "A", "A1", "Nguồn nguyên liệu", 15, true),
            new Criterion("B1.1", "B", "B1", "Kế hoạch kinh doanh", 10, true),
            new Criterion("C1.1", "C", "C1", "Chỉ tiêu cảm quan", 35, true));

    /** A template of one to twenty criteria, each worth one to fifteen points, with the points a member gives each. */
    record Scored(List<Criterion> template, List<ScoreSheet.Score> scores) {
    }

    @Provide
    Arbitrary<Scored> validSheets() {
        return Arbitraries.integers().between(1, 15).list().ofMinSize(1).ofMaxSize(20).flatMap(maxima -> {
            List<Criterion> template = new ArrayList<>();
            for (int i = 0; i < maxima.size(); i++) {
                template.add(new Criterion("X" + i, "A", "A1", "criterion " + i, maxima.get(i), true));
            }
            List<Arbitrary<ScoreSheet.Score>> scores = template.stream()
                    .map(c -> Arbitraries.integers().between(0, c.maxPoints()).map(p -> new ScoreSheet.Score(c.code(), p)))
                    .toList();
            return Combinators.combine(scores).as(list -> new Scored(template, list)).flatMap(scored ->
                    Arbitraries.shuffle(scored.scores()).map(shuffled -> new Scored(template, shuffled)));
        });
    }

    @Property(tries = 200)
    void aCompleteSheetWithinTheMaximaTotalsTheSumOfItsPointsInAnyOrder(@ForAll("validSheets") Scored sheet) {
        int total = ScoreSheet.validatedTotal(sheet.scores(), sheet.template());

        assertThat(total).isEqualTo(sheet.scores().stream().mapToInt(ScoreSheet.Score::points).sum())
                .isBetween(0, sheet.template().stream().mapToInt(Criterion::maxPoints).sum());
    }

    @Property(tries = 200)
    void anyCriterionAboveItsMaximumIsRefusedByName(@ForAll("validSheets") Scored sheet,
            @ForAll @IntRange(min = 0, max = 19) int which, @ForAll @IntRange(min = 1, max = 1000) int excess) {
        int index = which % sheet.scores().size();
        List<ScoreSheet.Score> scores = new ArrayList<>(sheet.scores());
        ScoreSheet.Score victim = scores.get(index);
        int max = sheet.template().stream().filter(c -> c.code().equals(victim.criterion())).findFirst().orElseThrow().maxPoints();
        scores.set(index, new ScoreSheet.Score(victim.criterion(), max + excess));

        assertThatThrownBy(() -> ScoreSheet.validatedTotal(scores, sheet.template()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(victim.criterion() + " takes 0 to " + max + " points, not " + (max + excess));
    }

    @Property(tries = 200)
    void aSheetMissingAnyCriterionOrNamingAnUnknownOneIsRefused(@ForAll("validSheets") Scored sheet,
            @ForAll @IntRange(min = 0, max = 19) int which) {
        int index = which % sheet.scores().size();
        List<ScoreSheet.Score> scores = new ArrayList<>(sheet.scores());
        ScoreSheet.Score removed = scores.remove(index);
        scores.add(new ScoreSheet.Score("Z9", 0));

        assertThatThrownBy(() -> ScoreSheet.validatedTotal(scores, sheet.template()))
                .hasMessageContaining("criterion " + removed.criterion() + " is not scored")
                .hasMessageContaining("unknown criterion Z9");
    }

    @Example
    void totalIsTheSumOfTheScoredCriteria() {
        int total = ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1.1", 12), new ScoreSheet.Score("B1.1", 7), new ScoreSheet.Score("C1.1", 30)), TEMPLATE);

        assertThat(total).isEqualTo(49);
    }

    @Example
    void everyProblemOfASheetIsNamed() {
        assertThatThrownBy(() -> ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1.1", 16), new ScoreSheet.Score("X9", 1), new ScoreSheet.Score("B1.1", 3),
                new ScoreSheet.Score("B1.1", 3)), TEMPLATE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("A1.1 takes 0 to 15 points, not 16")
                .hasMessageContaining("unknown criterion X9")
                .hasMessageContaining("B1.1 is scored twice")
                .hasMessageContaining("C1.1 is not scored");
    }

    @Example
    void negativePointsAreRefused() {
        assertThatThrownBy(() -> ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1.1", -1), new ScoreSheet.Score("B1.1", 3), new ScoreSheet.Score("C1.1", 3)), TEMPLATE))
                .hasMessageContaining("A1.1 takes 0 to 15 points, not -1");
    }
}
