package vn.ocop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.contracts.EventType;

/**
 * Checks JSON against the published contract of an event type: the JSON Schema, and no property
 * the schema does not declare (so nothing internal leaks onto the wire).
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventContracts() {
    }

    public static String schemaText(EventType<?> type) {
        return resource("contracts/" + type.fileStem() + ".schema.json");
    }

    public static String example(EventType<?> type) {
        return resource("contracts/" + type.fileStem() + ".example.json");
    }

    /** The schema's violations, plus a line for every property the schema does not declare. */
    public static List<String> violations(EventType<?> type, String json) {
        Schema schema = SCHEMAS.getSchema(schemaText(type), InputFormat.JSON);
        List<String> problems = new java.util.ArrayList<>(
                schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList());
        JsonNode declared = JSON.readTree(schemaText(type)).path("properties");
        Set<String> known = new HashSet<>(declared.propertyNames());
        JSON.readTree(json).propertyNames().stream()
                .filter(name -> !known.contains(name))
                .forEach(name -> problems.add("undeclared property '" + name + "'"));
        return problems;
    }

    private static String resource(String path) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
