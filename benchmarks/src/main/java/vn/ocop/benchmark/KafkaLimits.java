package vn.ocop.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker does alone, with the relay's producer settings (idempotent, acks=all,
 * linger.ms=0) and the size of a real event: waiting for each acknowledgement, and pipelined as
 * fast as the client can (as the relay sends a batch).
 */
final class KafkaLimits {

    /** Messages per second. */
    record Result(int messageBytes, double oneAtATimePerSecond, double pipelinedPerSecond, double consumePerSecond) {
    }

    private KafkaLimits() {
    }

    static Result measure(String bootstrap, int messageBytes, int count) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        byte[] value = new byte[messageBytes];
        java.util.Arrays.fill(value, (byte) 'x');
        double oneAtATime;
        double pipelined;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            int sync = Math.min(count, 5_000);
            long start = System.nanoTime();
            for (int i = 0; i < sync; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 1000), value)).get();
            }
            oneAtATime = sync / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            List<Future<RecordMetadata>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 1000), value)));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
            pipelined = count / ((System.nanoTime() - start) / 1e9);
        }
        double consume;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int total = Math.min(count, 5_000) + count;
            int read = 0;
            long start = 0;
            while (read < total) {
                int got = consumer.poll(Duration.ofSeconds(1)).count();
                if (got > 0 && start == 0) {
                    start = System.nanoTime();
                }
                read += got;
            }
            consume = total / ((System.nanoTime() - start) / 1e9);
        }
        return new Result(messageBytes, oneAtATime, pipelined, consume);
    }
}
