package vn.ocop.evaluation.certificate;

import java.time.Year;
import java.util.Optional;

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
                    score, level, rule_set, valid_from, valid_until, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(c.certificateNo(), c.evaluationId(), c.productId(), c.productName(), c.producerName(), c.stars(),
                        c.score(), c.level(), c.ruleSet(), c.validFrom(), c.validUntil(), c.status())
                .update();
    }

    public Optional<Certificate> find(String certificateNo) {
        return jdbc.sql("select * from certificate where certificate_no = ?").param(certificateNo)
                .query(Certificate.class).optional();
    }
}
