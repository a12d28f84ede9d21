package vn.ocop.notification.inbox;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The facts of a message, in template order; absent values are left out (templates may skip them). */
final class Facts {

    private Facts() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                facts.put((String) namesAndValues[i], value instanceof TemporalAccessor || value instanceof UUID ? value.toString() : value);
            }
        }
        return facts;
    }
}
