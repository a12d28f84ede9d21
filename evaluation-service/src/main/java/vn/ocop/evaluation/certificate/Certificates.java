package vn.ocop.evaluation.certificate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates in evaluation's database. */
@Repository
public class Certificates {

    private final JdbcClient jdbc;

    Certificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next certificate number, {@code OCOP-<year>-<000123>}; numbers are never reused. */
    public String nextNumber(Year year) {
        long sequence = jdbc.sql("select nextval('certificate_number')").query(Long.class).single();
        return "OCOP-%d-%06d".formatted(year.getValue(), sequence);
    }

    public void insert(Certificate c) {
        jdbc.sql("""
                insert into certificate (certificate_no, evaluation_id, product_id, product_name, producer_name, stars,
                    score, level, rule_set, valid_from, valid_until, status, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(c.certificateNo(), c.evaluationId(), c.productId(), c.productName(), c.producerName(), c.stars(),
                        c.score(), c.level(), c.ruleSet(), c.validFrom(), c.validUntil(), c.status().name(),
                        Timestamp.from(c.issuedAt()))
                .update();
    }

    public Optional<Certificate> find(String certificateNo) {
        return jdbc.sql("select * from certificate where certificate_no = ?").param(certificateNo)
                .query(Certificate.class).optional();
    }

    Optional<Certificate> findForUpdate(String certificateNo) {
        return jdbc.sql("select * from certificate where certificate_no = ? for update").param(certificateNo)
                .query(Certificate.class).optional();
    }

    /** The product's active certificate, locked until the transaction ends. */
    public Optional<Certificate> activeForUpdate(UUID productId) {
        return jdbc.sql("select * from certificate where product_id = ? and status = 'ACTIVE' for update")
                .param(productId).query(Certificate.class).optional();
    }

    List<Certificate> ofProduct(UUID productId) {
        return jdbc.sql("select * from certificate where product_id = ? order by issued_at desc, certificate_no desc")
                .param(productId).query(Certificate.class).list();
    }

    /**
     * One active certificate whose validity ended before {@code today}, locked; rows another
     * instance holds are skipped, so several instances share the work without doing it twice.
     */
    Optional<Certificate> nextDueForExpiry(LocalDate today) {
        return jdbc.sql("""
                select * from certificate where status = 'ACTIVE' and valid_until < ?
                order by valid_until, certificate_no
                limit 1
                for update skip locked
                """)
                .param(today).query(Certificate.class).optional();
    }

    public void saveEnd(Certificate c) {
        jdbc.sql("update certificate set status = ?, ended_at = ?, end_reason = ?, superseded_by = ? where certificate_no = ?")
                .params(c.status().name(), c.endedAt() == null ? null : Timestamp.from(c.endedAt()), c.endReason(),
                        c.supersededBy(), c.certificateNo())
                .update();
    }
}
