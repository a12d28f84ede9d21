package vn.ocop.evaluation.ruleset;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.evaluation.EvaluationIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rule sets hold together: what the migrations load is what a decision can rely on. */
class RuleSetDataTest extends EvaluationIntegrationTest {

    @Autowired
    RuleSets ruleSets;

    @Test
    void threeRuleSetsAreShippedAndTheNewestInForceIsTheTwoTierOne() {
        assertThat(ruleSets.all()).extracting(RuleSet::code)
                .containsExactly("QD1048-2019", "QD148-2023", "QD148-2023-2025");
        assertThat(ruleSets.inForceOn(java.time.LocalDate.of(2025, 6, 30)).code()).isEqualTo("QD148-2023");
        assertThat(ruleSets.inForceOn(java.time.LocalDate.of(2025, 7, 1)).code()).isEqualTo("QD148-2023-2025");
        assertThat(http().get("/api/rule-sets").body().size()).isEqualTo(3);
    }

    @Test
    void everyTemplateAddsUpToAHundredPartBySectionAndCriterionBySection() {
        for (RuleSet ruleSet : ruleSets.all()) {
            assertThat(ruleSet.certificateValidityMonths()).isEqualTo(36);
            for (int group = 1; group <= 6; group++) {
                Template template = ruleSets.template(ruleSet.code(), group);
                String where = ruleSet.code() + " group " + group;
                assertThat(template.parts().stream().mapToInt(Template.Part::maxPoints).sum()).isEqualTo(100);
                Map<String, Integer> bySection = template.criteria().stream()
                        .collect(Collectors.groupingBy(Criterion::section, Collectors.summingInt(Criterion::maxPoints)));
                for (Template.Part part : template.parts()) {
                    assertThat(part.sections().stream().mapToInt(Template.Section::maxPoints).sum())
                            .as("%s part %s", where, part.code()).isEqualTo(part.maxPoints());
                    part.sections().forEach(section -> assertThat(bySection.get(section.code()))
                            .as("%s section %s", where, section.code()).isEqualTo(section.maxPoints()));
                }
                List<String> codes = template.criteria().stream().map(Criterion::code).toList();
                template.mandatory().forEach(m -> assertThat(codes).contains(m.criterion()));
                template.mandatory().forEach(m -> assertThat(m.minPoints()).isLessThanOrEqualTo(
                        template.criteria().stream().filter(c -> c.code().equals(m.criterion())).findFirst().orElseThrow().maxPoints()));
            }
        }
    }

    @Test
    void theDecisionsOwnPartMaximaAreKeptApartFromRepresentativeCriteria() {
        assertThat(ruleSets.template("QD1048-2019", 1).parts()).extracting(Template.Part::maxPoints).containsExactly(35, 25, 40);
        assertThat(ruleSets.template("QD148-2023-2025", 1).parts()).extracting(Template.Part::maxPoints).containsExactly(40, 25, 35);
        assertThat(ruleSets.criteria("QD148-2023-2025", 6)).allMatch(Criterion::representative)
                .anyMatch(c -> c.title().contains("du lịch"));
        assertThat(ruleSets.all()).allMatch(r -> r.note() != null && r.note().contains("representative"));
    }

    @Test
    void everyLevelEitherCertifiesOrForwardsWhatReachesTheCertifiedMinimum() {
        for (RuleSet ruleSet : ruleSets.all()) {
            double certifiedFloor = ruleSet.starBands().lowerBound(ruleSet.starBands().certifiedMinimum());
            List<Level> levels = ruleSet.levels();
            assertThat(levels.getLast().certifiesMaxStars()).isEqualTo(ruleSet.starBands().maxStars());
            for (Level level : levels) {
                boolean certifies = level.certifiesMaxStars() != null
                        && level.certifiesMaxStars() >= ruleSet.starBands().certifiedMinimum();
                boolean forwardsEverything = level.forwardMinScore() != null && level.forwardMinScore() <= certifiedFloor;
                assertThat(certifies || forwardsEverything).as("%s %s", ruleSet.code(), level.code()).isTrue();
                if (level.nextLevel() != null) {
                    assertThat(levels).extracting(Level::code).contains(level.nextLevel());
                }
            }
        }
    }
}
