package vn.ocop.notification.programme;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When producers hear that a certificate is about to expire, under {@code ocop.notification.expiry}.
 *
 * @param noticeBefore how long before the end of validity the notice goes out
 * @param checkInterval how often the certificates are looked over
 * @param batchSize how many certificates one pass notices at most
 */
@ConfigurationProperties("ocop.notification.expiry")
record ExpiryProperties(
        @DefaultValue("90d") Duration noticeBefore,
        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("100") int batchSize) {
}
