package vn.ocop.contracts;

import java.util.Objects;

/**
 * One kind of event on the wire: its CloudEvents {@code type}, the topic it travels on, the
 * CloudEvents {@code source} of the service that publishes it, and the record that is its body.
 *
 * @param name the CloudEvents type, {@code vn.ocop.<service>.<event-kebab>.v<N>}
 * @param topic the Kafka topic
 * @param source the CloudEvents source, the publishing service as a URI reference
 * @param javaType the record that is the JSON body
 */
public record EventType<E extends DomainEvent>(String name, String topic, String source, Class<E> javaType) {

    public EventType {
        Objects.requireNonNull(name);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(source);
        Objects.requireNonNull(javaType);
        if (!name.matches("vn\\.ocop\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException("not an OCOP event type name: " + name);
        }
    }

    /** The short name used for the JSON Schema and example files, e.g. {@code product-certified.v1}. */
    public String fileStem() {
        String withoutPrefix = name.substring("vn.ocop.".length());
        return withoutPrefix.substring(withoutPrefix.indexOf('.') + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
