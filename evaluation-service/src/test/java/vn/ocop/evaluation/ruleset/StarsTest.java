package vn.ocop.evaluation.ruleset;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StarsTest {

    @ParameterizedTest
    @CsvSource({ "0,1", "29.99,1", "30,2", "49.99,2", "50,3", "69.99,3", "70,4", "89.99,4", "90,5", "100,5" })
    void scoreBandsGiveTheStarsOfTheDecision(double score, int stars) {
        assertThat(Stars.forScore(score)).isEqualTo(stars);
    }

    @Test
    void starsNeverFallAsTheScoreRisesAndEachBandStartsAtItsLowerBound() {
        int previous = 1;
        for (int hundredths : IntStream.rangeClosed(0, 10_000).toArray()) {
            int stars = Stars.forScore(hundredths / 100.0);
            assertThat(stars).isBetween(previous, previous + 1);
            previous = stars;
        }
        for (int stars = 1; stars <= 5; stars++) {
            assertThat(Stars.forScore(Stars.lowerBound(stars))).isEqualTo(stars);
        }
    }

    @Test
    void scoresOutsideZeroToHundredAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Stars.forScore(-0.01));
        assertThatIllegalArgumentException().isThrownBy(() -> Stars.forScore(100.01));
    }
}
