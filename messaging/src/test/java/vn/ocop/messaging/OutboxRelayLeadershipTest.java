package vn.ocop.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.messaging.ProductEvents.registered;

/** DESIGN §4: one active relay per service, so several instances neither duplicate nor reorder a key. */
class OutboxRelayLeadershipTest {

    private static final String SERVICE = "messaging-pair";
    private static final String DATABASE = "messaging_pair";

    @Test
    void onlyOneRelayPublishesWhenTwoInstancesRun() {
        UUID productId = UUID.randomUUID();
        List<UUID> committed = new ArrayList<>();
        try (TopicProbe productTopic = TopicProbe.on(Topics.CATALOG_PRODUCT);
                ServiceInstance first = ServiceInstance.start(SERVICE, DATABASE);
                ServiceInstance second = ServiceInstance.start(SERVICE, DATABASE)) {
            List<ServiceInstance> instances = List.of(first, second);
            await().atMost(Duration.ofSeconds(10)).until(() -> leaders(instances) == 1);
            // The follower keeps trying for the lock every poll interval (1 s) and keeps failing.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> leaders(instances) == 1);
            ServiceInstance leader = first.isLeader() ? first : second;
            ServiceInstance follower = leader == first ? second : first;
            assertThat(leader.meters().get("ocop.outbox.leader").gauge().value()).isEqualTo(1);
            assertThat(follower.meters().get("ocop.outbox.leader").gauge().value()).isZero();

            for (int i = 0; i < 6; i++) {
                ProductRegistered event = registered(productId);
                instances.get(i % 2).commit(event);
                committed.add(event.eventId());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> idsOnTopic(productTopic, productId).size() >= committed.size());
            assertThat(idsOnTopic(productTopic, productId)).containsExactlyElementsOf(committed);

            leader.close();
            await().atMost(Duration.ofSeconds(5)).until(follower::isLeader);
            for (int i = 0; i < 2; i++) {
                ProductRegistered event = registered(productId);
                follower.commit(event);
                committed.add(event.eventId());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> idsOnTopic(productTopic, productId).size() >= committed.size());
            assertThat(idsOnTopic(productTopic, productId)).containsExactlyElementsOf(committed);
        }
    }

    private static long leaders(List<ServiceInstance> instances) {
        return instances.stream().filter(ServiceInstance::isLeader).count();
    }

    /** The event ids on the topic for one key, in the order of its partition. */
    private static List<UUID> idsOnTopic(TopicProbe topic, UUID productId) {
        return topic.recordsWhere(record -> productId.toString().equals(record.key())).stream()
                .map(record -> UUID.fromString(TopicProbe.header(record, CloudEventHeaders.ID)))
                .toList();
    }
}
