package vn.ocop.evaluation.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import vn.ocop.evaluation.ruleset.Level;
import vn.ocop.evaluation.ruleset.MandatoryCriterion;
import vn.ocop.evaluation.ruleset.StarBands;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision rules on their own, with the levels of the 2025 two-tier rule set. */
class DecisionTest {

    private static final StarBands BANDS = new StarBands(List.of(0.0, 30.0, 50.0, 70.0, 90.0), 3);
    private static final Level COMMUNE = new Level("COMMUNE", 1, 3, 70.0, "PROVINCE");
    private static final Level PROVINCE = new Level("PROVINCE", 2, 4, 90.0, "CENTRAL");
    private static final Level CENTRAL = new Level("CENTRAL", 3, 5, null, null);
    private static final List<MandatoryCriterion> MANDATORY = List.of(
            new MandatoryCriterion(3, "SAFETY", 3, true),
            new MandatoryCriterion(4, "STANDARD", 3, true));

    /** A sheet of three criteria: SAFETY and STANDARD (0–5 each) and REST, which makes up the total. */
    private static ScoreSheet sheet(int total, int safety, int standard) {
        List<ScoreSheet.Score> scores = new ArrayList<>(List.of(new ScoreSheet.Score("SAFETY", safety),
                new ScoreSheet.Score("STANDARD", standard), new ScoreSheet.Score("REST", total - safety - standard)));
        return new ScoreSheet(UUID.randomUUID(), UUID.randomUUID(), "member", total, scores, Instant.now());
    }

    @Example
    void starsComeFromTheMeanOfTheMembersTotals() {
        Decision decision = Decision.reach(List.of(sheet(60, 5, 5), sheet(68, 5, 5), sheet(72, 5, 5)), MANDATORY, BANDS,
                CENTRAL, null);

        assertThat(decision.averageScore()).isEqualTo(66.67);
        assertThat(decision.stars()).isEqualTo(3);
        assertThat(decision.certifiedStars()).isEqualTo(3);
        assertThat(decision.rejected()).isFalse();
    }

    @Example
    void anUnmetMandatoryCriterionLowersTheStarsAndSaysWhy() {
        Decision decision = Decision.reach(List.of(sheet(80, 5, 2), sheet(80, 5, 2)), MANDATORY, BANDS, PROVINCE, null);

        assertThat(decision.stars()).isEqualTo(3);
        assertThat(decision.certifiedStars()).isEqualTo(3);
        assertThat(decision.reasons()).singleElement().asString()
                .contains("4 stars need every mandatory criterion met").contains("STANDARD has 2 points on average, 3 needed");
    }

    @Example
    void failingTheThreeStarMandatoryCriterionIsARejectionEvenWithAHighScore() {
        Decision decision = Decision.reach(List.of(sheet(75, 1, 5)), MANDATORY, BANDS, COMMUNE, null);

        assertThat(decision.stars()).isEqualTo(2);
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.certified()).isFalse();
        assertThat(decision.forward()).isFalse();
        assertThat(String.join(" ", decision.reasons())).contains("SAFETY has 1 points on average, 3 needed");
    }

    @Example
    void theCommuneCertifiesThreeStarsAndForwardsSeventyPointsToTheProvince() {
        Decision decision = Decision.reach(List.of(sheet(82, 5, 5)), MANDATORY, BANDS, COMMUNE, null);

        assertThat(decision.stars()).isEqualTo(4);
        assertThat(decision.certifiedStars()).isEqualTo(3);
        assertThat(decision.forward()).isTrue();
        assertThat(decision.reasons()).anyMatch(reason -> reason.contains("goes on to the PROVINCE council"));
    }

    @Example
    void theLowerLevelsCertificateStandsWhenTheHigherLevelGivesNoMoreStars() {
        Decision decision = Decision.reach(List.of(sheet(65, 5, 5)), MANDATORY, BANDS, PROVINCE, 3);

        assertThat(decision.stars()).isEqualTo(3);
        assertThat(decision.certified()).isFalse();
        assertThat(decision.rejected()).isFalse();
        assertThat(decision.reasons()).anyMatch(reason -> reason.contains("lower level's certificate, which stands"));
    }

    @Property
    void aLevelNeverCertifiesMoreStarsThanItMayNorMoreThanTheScoresEarn(
            @ForAll @IntRange(min = 0, max = 100) int total, @ForAll @IntRange(min = 0, max = 5) int safety,
            @ForAll @IntRange(min = 0, max = 5) int standard) {
        if (safety + standard > total) {
            return;
        }
        for (Level level : List.of(COMMUNE, PROVINCE, CENTRAL)) {
            Decision decision = Decision.reach(List.of(sheet(total, safety, standard)), MANDATORY, BANDS, level, null);

            assertThat(decision.stars()).isLessThanOrEqualTo(BANDS.starsFor(total));
            assertThat(decision.rejected()).isEqualTo(decision.stars() < 3);
            if (decision.certifiedStars() != null) {
                assertThat(decision.certifiedStars()).isBetween(3, level.certifiesMaxStars()).isLessThanOrEqualTo(decision.stars());
            }
            assertThat(decision.forward()).isEqualTo(level.nextLevel() != null && total >= level.forwardMinScore()
                    && decision.stars() > level.certifiesMaxStars());
        }
    }
}
