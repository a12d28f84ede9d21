package vn.ocop.evaluation.ruleset;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule sets stored in evaluation's database. */
@Repository
public class RuleSets {

    /** The rule set new cases are opened under. */
    public static final String CURRENT = "QD148-2023";

    private final JdbcClient jdbc;

    RuleSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Criterion> criteria(String ruleSet) {
        return jdbc.sql("select code, part, title, max_points, representative from criterion where rule_set = ? order by code")
                .param(ruleSet)
                .query(Criterion.class)
                .list();
    }

    public int certificateValidityMonths(String ruleSet) {
        return jdbc.sql("select certificate_validity_months from rule_set where code = ?")
                .param(ruleSet)
                .query(Integer.class)
                .single();
    }
}
