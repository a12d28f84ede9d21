package vn.ocop.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** How many threads a service reads with: one per two cores unless CONSUMER_THREADS says otherwise. */
class ConsumerThreadsTest extends MessagingIntegrationTest {

    private static final String CONCURRENCY = "spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency";

    @Autowired
    private Environment environment;

    @Test
    void oneThreadPerTwoCoresAndAtLeastOne() {
        assertThat(MessagingDefaults.defaultConsumerThreads(1)).isEqualTo(1);
        assertThat(MessagingDefaults.defaultConsumerThreads(2)).isEqualTo(1);
        assertThat(MessagingDefaults.defaultConsumerThreads(3)).isEqualTo(1);
        assertThat(MessagingDefaults.defaultConsumerThreads(8)).isEqualTo(4);
    }

    @Test
    void theBindingReadsWithTheMachinesDefault() {
        assertThat(environment.getProperty(CONCURRENCY, Integer.class))
                .isEqualTo(MessagingDefaults.defaultConsumerThreads(Runtime.getRuntime().availableProcessors()));
    }
}
