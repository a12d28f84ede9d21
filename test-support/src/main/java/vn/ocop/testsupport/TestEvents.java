package vn.ocop.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventTypes;

/**
 * Publishes events onto the shared broker as another service would (CloudEvents binary mode,
 * keyed by subject), or raw records for poison-message tests.
 */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    public static void publish(DomainEvent event) {
        send(record(event));
    }

    /** Publishes the events in order without waiting between them, so they reach consumers together. */
    public static synchronized void publishTogether(List<? extends DomainEvent> events) {
        List<Future<?>> sent = new ArrayList<>();
        events.forEach(event -> sent.add(producer().send(record(event))));
        producer().flush();
        try {
            for (Future<?> result : sent) {
                result.get();
            }
        }
        catch (Exception e) {
            throw new IllegalStateException("could not publish the test events", e);
        }
    }

    private static ProducerRecord<String, byte[]> record(DomainEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.of(event.getClass()).topic(),
                event.subject(), JSON.writeValueAsBytes(event));
        CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Sends a record exactly as given: for bodies and headers no real producer would write. */
    public static void publishRaw(String topic, String key, byte[] body, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /**
     * Waits until a consumer group has committed offsets to the end of every partition of the
     * given topics: everything published so far has been processed, by whichever member of the
     * group (test JVMs may hold several application contexts in one group).
     */
    public static void awaitConsumed(String group, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrap()))) {
            Awaitility.await(group + " consumed " + String.join(", ", topics)).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lag(admin, group, topics) == 0);
        }
    }

    private static long lag(Admin admin, String group, String... topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(List.of(topics)).allTopicNames().get().values()) {
            description.partitions().forEach(partition ->
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        try {
            producer().send(record).get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("could not publish a test event", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
