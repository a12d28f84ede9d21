package vn.ocop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.of(event.getClass()).topic(),
                event.subject(), JSON.writeValueAsBytes(event));
        CloudEventHeaders.of(event).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /** Sends a record exactly as given: for bodies and headers no real producer would write. */
    public static void publishRaw(String topic, String key, byte[] body, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    private static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(record).get();
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
