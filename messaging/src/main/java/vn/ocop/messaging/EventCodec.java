package vn.ocop.messaging;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import vn.ocop.contracts.DomainEvent;

/** Turns an event into the JSON body of a Kafka record, and back. */
public final class EventCodec {

    private final JsonMapper json;

    public EventCodec(JsonMapper json) {
        this.json = json;
    }

    public String toJson(DomainEvent event) {
        return json.writeValueAsString(event);
    }

    public <E> E fromJson(byte[] body, Class<E> type) {
        return json.readValue(body, type);
    }

    /** Kafka header values arrive as raw bytes or, when Spring mapped them, as strings. */
    public static String headerText(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
