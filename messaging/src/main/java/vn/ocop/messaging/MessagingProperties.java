package vn.ocop.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay and the inbox, under {@code ocop.messaging}.
 *
 * @param serviceName names the consumer in the inbox table and the relay's lock; the service name
 * @param relay how the outbox is relayed to Kafka
 * @param inbox how consumed events are acknowledged to Kafka
 */
@ConfigurationProperties("ocop.messaging")
public record MessagingProperties(String serviceName, @DefaultValue Relay relay, @DefaultValue Inbox inbox) {

    /**
     * @param offsetCommitInterval how often a consumer commits the offsets of what it has applied
     *     (also when its partitions are revoked and when it stops); zero commits after every poll.
     *     A commit that has not happened yet costs, after a crash, only the redelivery of events
     *     the inbox already holds.
     * @param retention how long an applied event's id is kept to recognise it if it comes again;
     *     longer than the retention of the topics the service reads and of their dead-letter
     *     topics (Kafka's default is 7 days). Zero keeps every id.
     * @param cleanupInterval how often ids older than the retention are deleted
     */
    public record Inbox(
            @DefaultValue("1s") Duration offsetCommitInterval,
            @DefaultValue("14d") Duration retention,
            @DefaultValue("1h") Duration cleanupInterval) {
    }

    /**
     * @param enabled false keeps events in the outbox (a service that must not publish, or a test)
     * @param pollInterval how long the relay waits for a commit notification before looking anyway
     * @param batchSize how many events one pass reads
     * @param retention how long published events stay in the table for inspection
     * @param sendTimeout how long the relay waits for an acknowledgement; longer than the
     *     producer's {@code delivery.timeout.ms}, which fails a send that cannot be delivered
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("45s") Duration sendTimeout) {
    }
}
