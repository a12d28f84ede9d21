package vn.ocop.notification.programme;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.EvaluationEvents;
import vn.ocop.contracts.evaluation.ProductCertified;
import vn.ocop.messaging.inbox.EventHandler;

/**
 * Certificates from {@code ProductCertified}, ended by revocation or expiry. Events of one product
 * travel in order on one partition, so a certificate is normally known before it ends.
 */
@Repository
class Certificates {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String FACTS = "certificate_no, product_id, producer_id, product_name, province, valid_until";

    private final JdbcClient jdbc;
    private final Products products;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Certificates(JdbcClient jdbc, Products products, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /** Records a certificate: ended already if its revocation or expiry came first. */
    void issue(ProductCertified e) {
        jdbc.sql("""
                insert into certificate (certificate_no, product_id, producer_id, product_name, province, stars, level,
                    valid_until, status, certified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?,
                    coalesce((select status from certificate_end where certificate_no = ?), 'ACTIVE'), ?)
                on conflict (certificate_no) do nothing
                """)
                .params(e.certificateNo(), e.productId(), e.product().producerId(), e.product().name(),
                        e.product().originProvince(), e.stars(), e.level(), Date.valueOf(e.validUntil()),
                        e.certificateNo(), Timestamp.from(e.occurredAt()))
                .update();
    }

    void revoke(CertificationRevoked e) {
        events.publishEvent(new CertificateRevoked(e, end(e.certificateNo(), e.productId(), "REVOKED", e.occurredAt())));
    }

    void expire(CertificationExpired e) {
        events.publishEvent(new CertificateExpired(e, end(e.certificateNo(), e.productId(), "EXPIRED", e.occurredAt())));
    }

    /**
     * Ends a certificate, keeping the end as a fact for a certificate not seen yet; when it was
     * never seen, its product may still say whose it was.
     */
    private @Nullable CertificateFacts end(String certificateNo, UUID productId, String status, Instant at) {
        jdbc.sql("insert into certificate_end (certificate_no, status, ended_at) values (?, ?, ?) on conflict do nothing")
                .params(certificateNo, status, Timestamp.from(at))
                .update();
        Optional<CertificateFacts> ended = jdbc.sql("update certificate set status = ? where certificate_no = ? returning " + FACTS)
                .params(status, certificateNo)
                .query(Certificates::facts)
                .optional();
        return ended.or(() -> products.find(productId)
                        .map(p -> new CertificateFacts(certificateNo, productId, p.producerId(), p.name(), p.province(), null)))
                .orElse(null);
    }

    /**
     * Active certificates whose validity ends within {@code window} and whose producer was not told
     * yet, locked so that another instance running the same pass skips them.
     */
    List<CertificateExpiring> claimComingExpiries(Duration window, int limit) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate until = today.plusDays(window.toDays());
        List<CertificateFacts> due = jdbc.sql("select " + FACTS + """
                 from certificate
                where status = 'ACTIVE' and expiry_notice_at is null and valid_until >= ? and valid_until <= ?
                order by valid_until
                limit ?
                for update skip locked
                """)
                .params(Date.valueOf(today), Date.valueOf(until), limit)
                .query(Certificates::facts)
                .list();
        for (CertificateFacts certificate : due) {
            jdbc.sql("update certificate set expiry_notice_at = ? where certificate_no = ?")
                    .params(Timestamp.from(clock.instant()), certificate.certificateNo())
                    .update();
        }
        return due.stream()
                .map(c -> new CertificateExpiring(c, ChronoUnit.DAYS.between(today, c.validUntil()), clock.instant()))
                .toList();
    }

    private static CertificateFacts facts(ResultSet rs, int row) throws SQLException {
        return new CertificateFacts(rs.getString("certificate_no"), rs.getObject("product_id", UUID.class),
                rs.getObject("producer_id", UUID.class), rs.getString("product_name"), rs.getString("province"),
                rs.getDate("valid_until").toLocalDate());
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<ProductCertified> certificateIssued(Certificates certificates) {
            return EventHandler.on(EvaluationEvents.PRODUCT_CERTIFIED, certificates::issue);
        }

        @Bean
        EventHandler<CertificationRevoked> certificateRevoked(Certificates certificates) {
            return EventHandler.on(EvaluationEvents.CERTIFICATION_REVOKED, certificates::revoke);
        }

        @Bean
        EventHandler<CertificationExpired> certificateExpired(Certificates certificates) {
            return EventHandler.on(EvaluationEvents.CERTIFICATION_EXPIRED, certificates::expire);
        }
    }
}
