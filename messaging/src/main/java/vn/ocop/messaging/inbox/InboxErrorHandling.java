package vn.ocop.messaging.inbox;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import vn.ocop.messaging.outbox.TopicProvisioner;

/**
 * Retries and dead-lettering for the batch consumer, from spring-kafka. The binder's own
 * dead-lettering works per record only: in batch mode it would move the whole batch to the
 * dead-letter topic. spring-kafka's {@link DefaultErrorHandler} instead takes the index of the
 * failing record ({@code BatchListenerFailedException}), commits the records before it, retries
 * it with back-off and then publishes it alone to {@code error.<topic>.<group>} (the binder's
 * naming, which the dead-letter endpoint reads).
 */
public final class InboxErrorHandling {

    private InboxErrorHandling() {
    }

    /**
     * @param maxAttempts deliveries of a failing record before it is dead-lettered (the first one included)
     */
    public static DefaultErrorHandler create(KafkaOperations<byte[], byte[]> kafka, TopicProvisioner topics,
            String group, int maxAttempts, long initialIntervalMillis, double multiplier, long maxIntervalMillis) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> {
            String deadLetters = deadLetterTopic(record.topic(), group);
            topics.ensure(deadLetters);
            // A negative partition lets the producer choose by key, so one key stays in one partition.
            return new TopicPartition(deadLetters, -1);
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, maxAttempts - 1));
        backOff.setInitialInterval(initialIntervalMillis);
        backOff.setMultiplier(multiplier);
        backOff.setMaxInterval(maxIntervalMillis);
        // The dead letter names the handler's own failure, not the layers of listener exceptions around it.
        ConsumerAwareRecordRecoverer deadLetter =
                (record, consumer, failure) -> recoverer.accept(record, consumer, handlerFailure(failure));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetter, backOff);
        // A record that is not a readable event will not become one by waiting.
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    /** The exception the inbox reported for the failing record, or the one given. */
    static Exception handlerFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception handler) {
                return handler;
            }
        }
        return failure;
    }

    public static String deadLetterTopic(String topic, String group) {
        return "error." + topic + "." + group;
    }
}
