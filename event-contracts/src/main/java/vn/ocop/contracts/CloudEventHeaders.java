package vn.ocop.contracts;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary mode: the attributes
 * travel as headers with the {@code ce_} prefix, the body is the event's JSON.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** The binary-mode headers of an event, in a stable order. */
    public static Map<String, String> of(DomainEvent event) {
        EventType<?> type = EventTypes.of(event.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, event.eventId().toString());
        headers.put(SOURCE, type.source());
        headers.put(TYPE, type.name());
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        headers.put(SUBJECT, event.subject());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
