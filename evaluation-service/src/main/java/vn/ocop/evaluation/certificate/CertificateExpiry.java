package vn.ocop.evaluation.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.messaging.outbox.Outbox;

/**
 * Expires certificates whose validity has run out (valid_until before today in Vietnam), one
 * transaction per certificate with its {@code CertificationExpired} event. Several instances may
 * run it at once: each locks the certificate it works on and skips those another holds.
 */
@Component
class CertificateExpiry {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Certificates certificates;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CertificateExpiry(Certificates certificates, Outbox outbox, TransactionTemplate transaction, Clock clock) {
        this.certificates = certificates;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Hourly, so a missed night (a restart, a deploy) is made up within the hour. */
    @Scheduled(cron = "${ocop.certificates.expiry-cron:0 7 * * * *}", zone = "Asia/Ho_Chi_Minh")
    void onSchedule() {
        int expired = expireDue();
        if (expired > 0) {
            log.info("{} certificates expired", expired);
        }
    }

    /** Expires every due certificate; returns how many this instance expired. */
    int expireDue() {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        int count = 0;
        while (Boolean.TRUE.equals(transaction.execute(status -> expireOne(today)))) {
            count++;
        }
        return count;
    }

    private boolean expireOne(LocalDate today) {
        Optional<Certificate> due = certificates.nextDueForExpiry(today);
        due.ifPresent(certificate -> {
            Certificate expired = certificate.expired(clock.instant());
            certificates.saveEnd(expired);
            // The last day of validity is the day it expired on, as the certificate itself reads.
            outbox.append(new CertificationExpired(UUID.randomUUID(), clock.instant(), expired.certificateNo(),
                    expired.productId(), expired.validUntil()));
        });
        return due.isPresent();
    }
}
