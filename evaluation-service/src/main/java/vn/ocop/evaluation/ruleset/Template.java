package vn.ocop.evaluation.ruleset;

import java.util.List;

/** What a council member scores for one product group under one rule set. */
public record Template(String ruleSet, int productGroup, List<Part> parts, List<Criterion> criteria,
        List<MandatoryCriterion> mandatory) {

    public record Part(String code, String title, int maxPoints, List<Section> sections) {
    }

    public record Section(String code, String title, int maxPoints, boolean representative) {
    }
}
