package vn.ocop.notification.programme;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells producers, once per certificate, that its validity ends soon. Safe with several instances:
 * the certificates of a pass are locked with {@code for update skip locked} and stamped in the same
 * transaction as the messages the notice creates.
 */
@Component
class ExpiryWatch {

    private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

    private final Certificates certificates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ExpiryProperties properties;

    ExpiryWatch(Certificates certificates, ApplicationEventPublisher events, TransactionTemplate transaction,
            ExpiryProperties properties) {
        this.certificates = certificates;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ocop.notification.expiry.check-interval:1h}", initialDelayString = "PT5S")
    void noticeComingExpiries() {
        try {
            Integer noticed;
            do {
                noticed = transaction.execute(status -> {
                    List<CertificateExpiring> due = certificates.claimComingExpiries(properties.noticeBefore(),
                            properties.batchSize());
                    due.forEach(events::publishEvent);
                    return due.size();
                });
            }
            while (noticed != null && noticed == properties.batchSize());
        }
        catch (RuntimeException e) {
            log.warn("Could not notice coming certificate expiries; next pass in {}", properties.checkInterval(), e);
        }
    }
}
