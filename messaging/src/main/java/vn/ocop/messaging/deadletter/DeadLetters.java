package vn.ocop.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.messaging.inbox.InboxDispatcher;

/**
 * Reads this service's dead-letter topics ({@code error.<topic>.<service>})
 * with a plain consumer that commits nothing, and replays a dead letter by handing it to the
 * service's own {@link InboxDispatcher}: same transaction, same duplicate check, so replaying a
 * letter twice, or one that was meanwhile applied, has no second effect, and other services are
 * not disturbed.
 */
public class DeadLetters {

    private static final Duration POLL = Duration.ofSeconds(2);
    // spring-kafka's names (the inbox's error handler), then the binder's (letters written before batch consumption).
    private static final String[] ORIGINAL_TOPIC = { KafkaHeaders.DLT_ORIGINAL_TOPIC, "x-original-topic" };
    private static final String[] FAILURE = { KafkaHeaders.DLT_EXCEPTION_MESSAGE, "x-exception-message" };

    /** What a replay did. */
    public record Replay(String outcome, @Nullable String failure) {
    }

    private final String bootstrap;
    private final String service;
    private final InboxDispatcher dispatcher;

    public DeadLetters(String bootstrap, String service, InboxDispatcher dispatcher) {
        this.bootstrap = bootstrap;
        this.service = service;
        this.dispatcher = dispatcher;
    }

    /** The newest dead letters of this service, at most {@code limit} per partition. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : topics()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, POLL).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, POLL);
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, POLL);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit));
                }
                long wanted = partitions.stream().mapToLong(p -> ends.get(p) - consumer.position(p)).sum();
                long read = 0;
                while (read < wanted) {
                    var records = consumer.poll(POLL);
                    if (records.isEmpty()) {
                        break;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        letters.add(letter(record));
                        read++;
                    }
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadAt).reversed());
        return letters;
    }

    /** Applies one dead letter through the inbox, as if it had just arrived on its original topic. */
    public Replay replay(String topic, int partition, long offset) {
        if (!topics().contains(topic)) {
            throw new IllegalArgumentException(topic + " is not a dead-letter topic of " + service);
        }
        ConsumerRecord<byte[], byte[]> record = read(new TopicPartition(topic, partition), offset);
        var message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") || header.key().equals(CloudEventHeaders.CONTENT_TYPE)) {
                message.setHeader(header.key(), header.value());
            }
        }
        String original = header(record, ORIGINAL_TOPIC);
        message.setHeader(KafkaHeaders.RECEIVED_TOPIC, original == null ? topic : original);
        try {
            return new Replay(dispatcher.apply(message.build()) ? "APPLIED" : "ALREADY_APPLIED", null);
        }
        catch (RuntimeException e) {
            return new Replay("FAILED", e.getMessage());
        }
    }

    private ConsumerRecord<byte[], byte[]> read(TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            for (int attempt = 0; attempt < 5; attempt++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no dead letter at " + partition + "@" + offset);
    }

    private List<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith("error.") && name.endsWith("." + service))
                    .sorted()
                    .toList();
        }
        catch (Exception e) {
            throw new IllegalStateException("could not list the dead-letter topics", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record) {
        String body = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, ORIGINAL_TOPIC), header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.ID),
                header(record, FAILURE), body.length() > 4_000 ? body.substring(0, 4_000) + "…" : body);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
