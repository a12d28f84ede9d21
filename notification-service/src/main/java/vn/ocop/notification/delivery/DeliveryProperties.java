package vn.ocop.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are sent, under {@code ocop.notification.delivery}.
 *
 * @param pollInterval pause between two passes of the worker
 * @param batchSize deliveries one pass claims at most, so a backlog is worked off at a bounded rate
 * @param maxAttempts attempts before a delivery is given up as FAILED
 * @param initialBackoff wait after the first failure, of a delivery and of its endpoint; doubled per failure
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a claimed delivery is reserved for its sender; after that another pass may take it
 * @param connectTimeout webhook connection timeout
 * @param requestTimeout webhook response timeout
 * @param mailFrom the From of e-mails
 */
@ConfigurationProperties("ocop.notification.delivery")
record DeliveryProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("OCOP Connect <no-reply@ocop.local>") String mailFrom) {
}
