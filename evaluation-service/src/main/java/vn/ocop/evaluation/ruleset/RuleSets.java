package vn.ocop.evaluation.ruleset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.web.NotFoundException;

/** The rule sets stored in evaluation's database. */
@Repository
public class RuleSets {

    private record Row(String code, String title, LocalDate effectiveFrom, int certificateValidityMonths, @Nullable String note,
            int certifiedMinimumStars) {
    }

    private record SectionRow(String part, String code, String title, int maxPoints, boolean representative) {
    }

    private record PartRow(String code, String title, int maxPoints) {
    }

    private final JdbcClient jdbc;

    RuleSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RuleSet> all() {
        return jdbc.sql("select * from rule_set order by effective_from").query(Row.class).list().stream()
                .map(this::complete).toList();
    }

    public Optional<RuleSet> find(String code) {
        return jdbc.sql("select * from rule_set where code = ?").param(code).query(Row.class).optional()
                .map(this::complete);
    }

    public RuleSet get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("rule set", code));
    }

    /** The newest rule set in force on a day: a submission is evaluated under the rules of its day. */
    public RuleSet inForceOn(LocalDate day) {
        String code = jdbc.sql("select code from rule_set where effective_from <= ? order by effective_from desc limit 1")
                .param(day).query(String.class).optional()
                .orElseGet(() -> jdbc.sql("select code from rule_set order by effective_from limit 1").query(String.class).single());
        return get(code);
    }

    /** The level a requested level name means under a rule set (aliases such as DISTRICT after 2025 included). */
    public Optional<Level> resolveLevel(RuleSet ruleSet, String requested) {
        String name = jdbc.sql("select level from level_alias where rule_set = ? and alias = ?")
                .params(ruleSet.code(), requested).query(String.class).optional().orElse(requested);
        return ruleSet.levels().stream().filter(level -> level.code().equals(name)).findFirst();
    }

    public Template template(String ruleSet, int productGroup) {
        List<Criterion> criteria = criteria(ruleSet, productGroup);
        if (criteria.isEmpty()) {
            throw new NotFoundException("score sheet template", ruleSet + " / group " + productGroup);
        }
        Map<String, List<Template.Section>> sections = new LinkedHashMap<>();
        jdbc.sql("select part, code, title, max_points, representative from rule_set_section where rule_set = ? order by code")
                .param(ruleSet).query(SectionRow.class).list()
                .forEach(s -> sections.computeIfAbsent(s.part(), p -> new ArrayList<>())
                        .add(new Template.Section(s.code(), s.title(), s.maxPoints(), s.representative())));
        List<Template.Part> parts = jdbc.sql("select code, title, max_points from rule_set_part where rule_set = ? order by code")
                .param(ruleSet).query(PartRow.class).list().stream()
                .map(p -> new Template.Part(p.code(), p.title(), p.maxPoints(), sections.getOrDefault(p.code(), List.of())))
                .toList();
        List<MandatoryCriterion> mandatory = jdbc.sql("""
                select stars, criterion, min_points, representative from mandatory_criterion
                where rule_set = ? order by stars, criterion
                """).param(ruleSet).query(MandatoryCriterion.class).list();
        return new Template(ruleSet, productGroup, parts, criteria, mandatory);
    }

    /** Every level name some rule set knows, for checking what an office enters. */
    public List<String> knownLevels() {
        return jdbc.sql("select level from council_level group by level order by min(rank), level").query(String.class).list();
    }

    public List<Criterion> criteria(String ruleSet, int productGroup) {
        return jdbc.sql("""
                select c.code, s.part, c.section, c.title, c.max_points, c.representative
                from sheet_criterion c join rule_set_section s on s.rule_set = c.rule_set and s.code = c.section
                where c.rule_set = ? and c.product_group = ?
                order by c.code
                """)
                .params(ruleSet, productGroup)
                .query(Criterion.class)
                .list();
    }

    private RuleSet complete(Row row) {
        List<Double> bounds = jdbc.sql("select min_score from star_band where rule_set = ? order by stars")
                .param(row.code()).query(Double.class).list();
        List<Level> levels = jdbc.sql("""
                select level as code, rank, certifies_max_stars, forward_min_score, next_level
                from council_level where rule_set = ? order by rank
                """).param(row.code()).query(Level.class).list();
        return new RuleSet(row.code(), row.title(), row.effectiveFrom(), row.certificateValidityMonths(), row.note(),
                new StarBands(bounds, row.certifiedMinimumStars()), levels);
    }
}
