package vn.ocop.marketplace.listing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import vn.ocop.marketplace.MarketplaceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marketplace reads its topics with a thread per partition, whatever the machine's cores: its
 * batches mostly wait for PostgreSQL, so batches of different partitions overlap.
 */
class ListingConsumerThreadsTest extends MarketplaceIntegrationTest {

    @Autowired
    private Environment environment;

    @Test
    void readsWithAThreadPerPartition() {
        assertThat(environment.getProperty("spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency",
                Integer.class)).isEqualTo(environment.getProperty("KAFKA_PARTITIONS", Integer.class, 3));
    }
}
