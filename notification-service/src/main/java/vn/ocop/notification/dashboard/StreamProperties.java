package vn.ocop.notification.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live dashboard stream, under {@code ocop.notification.stream}.
 *
 * @param heartbeat how often an idle connection gets a comment, so proxies keep it open
 * @param queueCapacity messages waiting for one client; a client that falls this far behind is dropped
 *        and resumes from the log when it reconnects
 * @param timeout how long one connection lasts before the client is asked to reconnect
 * @param replayPage events read from the log at a time when a client resumes
 */
@ConfigurationProperties("ocop.notification.stream")
record StreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("256") int queueCapacity,
        @DefaultValue("30m") Duration timeout,
        @DefaultValue("500") int replayPage) {
}
