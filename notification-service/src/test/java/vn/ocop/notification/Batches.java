package vn.ocop.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventTypes;

/**
 * Batches of records as the Kafka binder hands them to the {@code inbound} consumer function (one
 * message, the bodies as its payload, each record's headers in a list): the dispatcher applies
 * them in one transaction, as it does a poll's records.
 */
public final class Batches {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Batches() {
    }

    public static Message<List<byte[]>> of(List<? extends DomainEvent> events) {
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (DomainEvent event : events) {
            bodies.add(JSON.writeValueAsBytes(event));
            Map<String, Object> recordHeaders = new LinkedHashMap<>(CloudEventHeaders.of(event));
            recordHeaders.put(KafkaHeaders.RECEIVED_TOPIC, EventTypes.of(event.getClass()).topic());
            headers.add(recordHeaders);
        }
        return MessageBuilder.withPayload(bodies).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
    }
}
