package vn.ocop.evaluation.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ocop.evaluation.ruleset.Criterion;
import vn.ocop.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreSheetTest {

    private static final List<Criterion> TEMPLATE = List.of(
            new Criterion("A1", "A", "Tổ chức sản xuất", 15, true),
            new Criterion("B1", "B", "Tiếp thị", 10, true),
            new Criterion("C1", "C", "Chất lượng", 35, true));

    @Test
    void totalIsTheSumOfTheScoredCriteria() {
        int total = ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1", 12), new ScoreSheet.Score("B1", 7), new ScoreSheet.Score("C1", 30)), TEMPLATE);

        assertThat(total).isEqualTo(49);
    }

    @Test
    void everyProblemOfASheetIsNamed() {
        assertThatThrownBy(() -> ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1", 16), new ScoreSheet.Score("X9", 1), new ScoreSheet.Score("B1", 3),
                new ScoreSheet.Score("B1", 3)), TEMPLATE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("A1 takes 0 to 15 points, not 16")
                .hasMessageContaining("unknown criterion X9")
                .hasMessageContaining("B1 is scored twice")
                .hasMessageContaining("C1 is not scored");
    }

    @Test
    void negativePointsAreRefused() {
        assertThatThrownBy(() -> ScoreSheet.validatedTotal(List.of(
                new ScoreSheet.Score("A1", -1), new ScoreSheet.Score("B1", 3), new ScoreSheet.Score("C1", 3)), TEMPLATE))
                .hasMessageContaining("A1 takes 0 to 15 points, not -1");
    }
}
