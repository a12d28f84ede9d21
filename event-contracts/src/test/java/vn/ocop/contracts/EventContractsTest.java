package vn.ocop.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event type's record, JSON Schema and example agree: the example is valid, a consumer reads
 * it into the record, and the record written back is the example (so producers emit exactly the
 * published shape, and no field of the record is missing from the schema).
 */
class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<EventType<?>> types() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void exampleIsValidAgainstTheSchema(EventType<?> type) {
        List<Error> errors = SCHEMAS.getSchema(read(type, "schema"), InputFormat.JSON).validate(read(type, "example"),
                InputFormat.JSON);

        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void recordReadsTheExampleAndWritesItBackUnchanged(EventType<?> type) {
        JsonNode example = JSON.readTree(read(type, "example"));

        DomainEvent event = JSON.treeToValue(example, type.javaType());

        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));
        assertThat(written).isEqualTo(example);
        assertThat(event.subject()).isNotBlank();
        assertThat(EventTypes.of(type.javaType())).isSameAs(type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRecordFieldIsDeclaredInTheSchemaAndEveryRequiredFieldExists(EventType<?> type) {
        JsonNode schema = JSON.readTree(read(type, "schema"));
        Set<String> declared = new HashSet<>(schema.path("properties").propertyNames());
        List<String> components = Stream.of(type.javaType().getRecordComponents()).map(c -> c.getName()).toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(components);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(node -> required.add(node.asString()));
        assertThat(components).containsAll(required).contains("eventId", "occurredAt");
    }

    @Test
    void typesFollowTheNamingRuleAndLiveOnTheirServicesTopics() {
        for (EventType<?> type : EventTypes.all()) {
            String service = type.name().split("\\.")[2];
            assertThat(type.topic()).startsWith(service + ".");
            assertThat(type.source()).isEqualTo("/" + service + "-service");
            assertThat(EventTypes.byName(type.name())).containsSame(type);
        }
    }

    private static String read(EventType<?> type, String kind) {
        String path = "contracts/" + type.fileStem() + "." + kind + ".json";
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
