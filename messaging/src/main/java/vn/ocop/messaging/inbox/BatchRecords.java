package vn.ocop.messaging.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Splits a batch as the Kafka binder delivers it (one message whose payload is the list of
 * record bodies and whose headers are lists in the same order) into one message per record,
 * each with its own headers, as a record-at-a-time consumer would have received them.
 */
final class BatchRecords {

    private BatchRecords() {
    }

    static List<Message<byte[]>> split(Message<List<byte[]>> batch) {
        List<byte[]> bodies = batch.getPayload();
        List<?> converted = list(batch, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> natives = list(batch, KafkaHeaders.NATIVE_HEADERS);
        List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<Message<byte[]>> records = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(bodies.get(i) == null ? new byte[0] : bodies.get(i));
            if (i < converted.size() && converted.get(i) instanceof Map<?, ?> headers) {
                headers.forEach((name, value) -> record.setHeader(name.toString(), value));
            }
            else if (i < natives.size() && natives.get(i) instanceof Headers headers) {
                for (Header header : headers) {
                    record.setHeader(header.key(), header.value());
                }
            }
            if (i < topics.size() && topics.get(i) != null) {
                record.setHeader(KafkaHeaders.RECEIVED_TOPIC, topics.get(i));
            }
            records.add(record.build());
        }
        return records;
    }

    private static List<?> list(Message<?> batch, String header) {
        return batch.getHeaders().get(header) instanceof List<?> values ? values : List.of();
    }
}
