package vn.ocop.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so {@code docker-compose.yml} is checked against
 * the services themselves: every service is there, on its port, given only environment variables
 * its configuration reads, with a readiness health check, waiting for healthy Kafka and
 * PostgreSQL, and pointed at a database the PostgreSQL container creates.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).as("services of docker-compose.yml").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    /** Environment variables a service reads, with their defaults: its own file and the shared messaging defaults. */
    private static Map<String, String> variablesReadBy(String configName) throws IOException {
        Map<String, String> variables = new java.util.HashMap<>();
        for (String resource : List.of(configName + ".yml", "META-INF/ocop/messaging-defaults.yml")) {
            try (InputStream in = DockerComposeTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    variables.put(matcher.group(1), matcher.group(2));
                }
            }
        }
        return variables;
    }

    @ParameterizedTest
    @CsvSource({ "catalog", "evaluation", "marketplace", "notification" })
    @SuppressWarnings("unchecked")
    void serviceRunsOnItsPortWithOnlyVariablesItReadsAndWaitsForHealthyInfrastructure(String name) throws IOException {
        String module = name + "-service";
        Map<String, Object> service = service(module);
        Map<String, String> read = variablesReadBy(module);
        String prefix = name.toUpperCase();

        Map<String, Object> environment = (Map<String, Object>) service.get("environment");
        assertThat(read.keySet()).as("variables %s reads", module).containsAll(environment.keySet());
        assertThat(environment).containsKeys("KAFKA_BOOTSTRAP", prefix + "_DB_URL", prefix + "_DB_USER",
                prefix + "_DB_PASSWORD", prefix + "_PORT");
        String port = read.get(prefix + "_PORT");
        assertThat(String.valueOf(environment.get(prefix + "_PORT"))).isEqualTo(port);
        assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
        assertThat(environment.get("KAFKA_BOOTSTRAP")).isEqualTo("kafka:9092");

        String databaseUrl = String.valueOf(environment.get(prefix + "_DB_URL"));
        assertThat(databaseUrl).startsWith("jdbc:postgresql://postgres:5432/");
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        assertThat(read.get(prefix + "_DB_URL")).as("local default database").endsWith("/" + database);
        assertThat(Files.readString(ROOT.resolve("docker/postgres/init-databases.sql")))
                .containsPattern("create database " + database + ";");

        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertThat(((Map<String, Object>) build.get("args")).get("SERVICE")).isEqualTo(module);
        assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();

        List<String> healthcheck = (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
        assertThat(String.join(" ", healthcheck)).contains("http://localhost:" + port + "/actuator/health/readiness");

        Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
        for (String infrastructure : List.of("kafka", "postgres")) {
            assertThat((Map<String, Object>) dependsOn.get(infrastructure)).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaRunsInKraftModeAndBothStoresAreHealthCheckedWithVolumes() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services.keySet()).noneMatch(name -> name.contains("zookeeper"));

        Map<String, Object> kafka = service("kafka");
        assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:");
        Map<String, Object> kafkaEnv = (Map<String, Object>) kafka.get("environment");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_PROCESS_ROLES"))).contains("controller").contains("broker");
        assertThat(String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");

        Map<String, Object> postgres = service("postgres");
        assertThat(String.valueOf(postgres.get("image"))).isEqualTo("postgres:17");
        // Checkpoints spaced as the local platform spaces them (see Infrastructure).
        assertThat((List<String>) postgres.get("command")).containsSequence("-c", "checkpoint_timeout=15min")
                .containsSequence("-c", "max_wal_size=4GB");
        for (Map<String, Object> store : List.of(kafka, postgres)) {
            assertThat(store).containsKeys("healthcheck", "volumes");
        }
        Set<String> declaredVolumes = new HashSet<>(((Map<String, Object>) compose().get("volumes")).keySet());
        assertThat(declaredVolumes).contains("kafka-data", "postgres-data");
    }

    @Test
    void dockerfileBuildsTheServiceNamedByItsArgumentFromSource() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("ARG SERVICE").contains("./mvnw").contains("-pl \"$SERVICE\" -am package")
                .contains("-exec.jar");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM ")).count()).as("multi-stage").isEqualTo(2);
    }
}
