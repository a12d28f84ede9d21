package vn.ocop.evaluation.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.web.Cursor;

/** Evaluation cases and score sheets in evaluation's database. */
@Repository
class Evaluations {

    private static final TypeReference<List<ScoreSheet.Score>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    /** What a new case starts from: a submission, or the lower level's case it continues. */
    record Opening(UUID id, UUID submissionId, String level, String ruleSet, ProductSnapshot product,
            @Nullable UUID councilId, @Nullable UUID forwardedFrom, @Nullable String standingCertificateNo) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<EvaluationCase> caseMapper = this::mapCase;

    Evaluations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens a case; a submission already seen, or a case already forwarded, opens nothing. */
    boolean open(Opening o) {
        String conflict = o.forwardedFrom() == null
                ? "on conflict (submission_id) where forwarded_from is null do nothing"
                : "on conflict (forwarded_from) where forwarded_from is not null do nothing";
        return jdbc.sql("""
                insert into evaluation_case (id, product_id, submission_id, level, province, product_group, rule_set,
                    status, product, council_id, forwarded_from, standing_certificate_no)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?::jsonb, ?, ?, ?)
                """ + conflict)
                .params(o.id(), o.product().productId(), o.submissionId(), o.level(), o.product().originProvince(),
                        o.product().group(), o.ruleSet(), json.writeValueAsString(o.product()), o.councilId(),
                        o.forwardedFrom(), o.standingCertificateNo())
                .update() == 1;
    }

    Optional<EvaluationCase> find(UUID id) {
        return jdbc.sql("select * from evaluation_case where id = ?").param(id).query(caseMapper).optional();
    }

    Optional<EvaluationCase> findForUpdate(UUID id) {
        return jdbc.sql("select * from evaluation_case where id = ? for update").param(id).query(caseMapper).optional();
    }

    /** Every case of a submission, the one it opened first, then those forwarded upward. */
    List<EvaluationCase> findBySubmission(UUID submissionId) {
        return jdbc.sql("select * from evaluation_case where submission_id = ? order by opened_at, id")
                .param(submissionId).query(caseMapper).list();
    }

    List<EvaluationCase> list(@Nullable EvaluationStatus status, @Nullable String level, @Nullable String province,
            @Nullable UUID productId, @Nullable Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("select * from evaluation_case where true");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (level != null) {
            sql.append(" and level = ?");
            params.add(level);
        }
        if (province != null) {
            sql.append(" and province = ?");
            params.add(province);
        }
        if (productId != null) {
            sql.append(" and product_id = ?");
            params.add(productId);
        }
        if (after != null) {
            sql.append(" and (opened_at, id) < (?, ?)");
            params.add(Timestamp.from(after.time()));
            params.add(after.id());
        }
        sql.append(" order by opened_at desc, id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query(caseMapper).list();
    }

    void saveDecision(UUID id, Decision decision, @Nullable String certificateNo, @Nullable UUID forwardedTo) {
        jdbc.sql("""
                update evaluation_case set status = 'DECIDED', decided_at = now(), stars = ?, average_score = ?,
                    certificate_no = ?, forwarded_to = ?, reasons = ?::jsonb
                where id = ?
                """)
                .params(decision.stars(), decision.averageScore(), certificateNo, forwardedTo,
                        json.writeValueAsString(decision.reasons()), id)
                .update();
    }

    /** Closes the product's open cases; a withdrawn product is no longer evaluated. */
    int withdrawOpenCases(UUID productId, String reason) {
        return jdbc.sql("""
                update evaluation_case set status = 'WITHDRAWN', decided_at = now(), reasons = ?::jsonb
                where product_id = ? and status = 'OPEN'
                """)
                .params(json.writeValueAsString(List.of(reason)), productId)
                .update();
    }

    ScoreSheet insertSheet(UUID evaluationId, String evaluator, int total, List<ScoreSheet.Score> scores) {
        return jdbc.sql("""
                insert into score_sheet (id, evaluation_id, evaluator, total, scores) values (?, ?, ?, ?, ?::jsonb)
                returning *
                """)
                .params(UUID.randomUUID(), evaluationId, evaluator, total, json.writeValueAsString(scores))
                .query(this::mapSheet)
                .single();
    }

    boolean hasSheetFrom(UUID evaluationId, String evaluator) {
        return jdbc.sql("select count(*) from score_sheet where evaluation_id = ? and evaluator = ?")
                .params(evaluationId, evaluator)
                .query(Integer.class)
                .single() > 0;
    }

    List<ScoreSheet> sheets(UUID evaluationId) {
        return jdbc.sql("select * from score_sheet where evaluation_id = ? order by submitted_at, evaluator")
                .param(evaluationId)
                .query(this::mapSheet)
                .list();
    }

    private EvaluationCase mapCase(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new EvaluationCase(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getObject("submission_id", UUID.class),
                rs.getString("level"),
                rs.getString("province"),
                rs.getInt("product_group"),
                rs.getString("rule_set"),
                EvaluationStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("product"), ProductSnapshot.class),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getObject("council_id", UUID.class),
                rs.getObject("forwarded_from", UUID.class),
                rs.getString("standing_certificate_no"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject("stars", Integer.class),
                rs.getObject("average_score") == null ? null : rs.getDouble("average_score"),
                rs.getString("certificate_no"),
                rs.getObject("forwarded_to", UUID.class),
                json.readValue(rs.getString("reasons"), TEXTS));
    }

    private ScoreSheet mapSheet(ResultSet rs, int row) throws SQLException {
        return new ScoreSheet(
                rs.getObject("id", UUID.class),
                rs.getObject("evaluation_id", UUID.class),
                rs.getString("evaluator"),
                rs.getInt("total"),
                json.readValue(rs.getString("scores"), SCORES),
                rs.getTimestamp("submitted_at").toInstant());
    }
}
