package vn.ocop.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * Reads a topic the way any outside consumer would (plain Kafka client, no Spring), from the
 * beginning, so tests can see exactly what went over the wire.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        Awaitility.await("topic " + topic + " exists").atMost(Duration.ofSeconds(30))
                .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A probe on a topic of the shared broker, creating the topic if needed. */
    public static TopicProbe on(String topic) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        KafkaTopics.ensure(infrastructure.kafkaBootstrap(), topic);
        return new TopicProbe(infrastructure.kafkaBootstrap(), topic);
    }

    /** Everything read so far plus what arrives during a short poll. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, byte[]>> recordsWhere(Predicate<ConsumerRecord<String, byte[]>> predicate) {
        return records().stream().filter(predicate).toList();
    }

    /** Waits for the first record that satisfies the predicate. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> predicate) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> recordsWhere(predicate), found -> !found.isEmpty())
                .getFirst();
    }

    public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String body(ConsumerRecord<?, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Records whose body mentions the given text: tests find their own events by their own ids. */
    public static Predicate<ConsumerRecord<String, byte[]>> mentioning(Object text) {
        return record -> body(record).contains(text.toString());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
