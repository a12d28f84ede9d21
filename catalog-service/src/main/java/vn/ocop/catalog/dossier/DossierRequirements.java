package vn.ocop.catalog.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.catalog.product.SubmissionRules;

/**
 * What the rule set in force requires: the newest rule set whose effective date has come, in
 * Vietnam's time zone; its required document types per group and its submission levels.
 */
@Repository
class DossierRequirements implements SubmissionRules {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;
    private final Clock clock;

    DossierRequirements(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String ruleSetInForce() {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return jdbc.sql("select code from dossier_rule_set where effective_from <= ? order by effective_from desc limit 1")
                .param(today).query(String.class).single();
    }

    List<String> required(String ruleSet, int productGroup) {
        return jdbc.sql("""
                select r.document_type from dossier_requirement r join document_type t on t.code = r.document_type
                where r.rule_set = ? and r.product_group = ?
                order by t.position
                """)
                .params(ruleSet, productGroup).query(String.class).list();
    }

    List<DocumentType> types() {
        return jdbc.sql("select code, name_vi, name_en from document_type order by position").query(DocumentType.class).list();
    }

    boolean knownType(String code) {
        return jdbc.sql("select count(*) from document_type where code = ?").param(code).query(Integer.class).single() > 0;
    }

    List<String> missing(String ruleSet, UUID productId, int productGroup) {
        return jdbc.sql("""
                select r.document_type from dossier_requirement r join document_type t on t.code = r.document_type
                where r.rule_set = ? and r.product_group = ?
                  and not exists (select 1 from dossier_document d where d.product_id = ? and d.document_type = r.document_type
                                  and d.superseded_at is null)
                order by t.position
                """)
                .params(ruleSet, productGroup, productId).query(String.class).list();
    }

    @Override
    public Check check(UUID productId, int productGroup) {
        String ruleSet = ruleSetInForce();
        List<String> levels = jdbc.sql("select level from submission_level where rule_set = ? order by is_default desc, level")
                .param(ruleSet).query(String.class).list();
        return new Check(ruleSet, levels, missing(ruleSet, productId, productGroup));
    }
}
