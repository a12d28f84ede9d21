package vn.ocop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One Kafka broker (KRaft) and one PostgreSQL 17 server for the whole test JVM, started on first
 * use and stopped at JVM exit. Each service gets its own database on that server.
 *
 * <p>By default both run inside the JVM from Maven artifacts (spring-kafka-test's KRaft broker,
 * zonky's PostgreSQL binaries), so nothing but a JDK is needed. With
 * {@code OCOP_TEST_INFRA=containers} and a Docker engine, the same tests run against
 * {@code apache/kafka} and {@code postgres:17} containers instead.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private static TestInfrastructure shared;

    private final String kafkaBootstrap;
    private final String postgresHostPort;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();

    private TestInfrastructure(String kafkaBootstrap, String postgresHostPort) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.postgresHostPort = postgresHostPort;
    }

    /** The broker and database server of this JVM, started on the first call. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            long start = System.nanoTime();
            shared = useContainers() ? startContainers() : startEmbedded();
            log.info("Test infrastructure up in {} ms: Kafka {}, PostgreSQL {}",
                    Duration.ofNanos(System.nanoTime() - start).toMillis(), shared.kafkaBootstrap, shared.postgresHostPort);
        }
        return shared;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** The JDBC URL of a database of this server, created on first use. */
    public String jdbcUrl(String database) {
        if (databases.add(database)) {
            createDatabase(database);
        }
        return "jdbc:postgresql://" + postgresHostPort + "/" + database;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Spring properties that point a service at this broker and its own database. */
    public Map<String, Object> springProperties(String database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(database));
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", PASSWORD);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrap);
        return properties;
    }

    public void register(DynamicPropertyRegistry registry, String database) {
        springProperties(database).forEach((name, value) -> registry.add(name, () -> value));
    }

    private void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + postgresHostPort + "/postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    private static boolean useContainers() {
        if (!"containers".equalsIgnoreCase(System.getenv("OCOP_TEST_INFRA"))) {
            return false;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return true;
        }
        log.warn("OCOP_TEST_INFRA=containers but no Docker engine answers: using the embedded broker and database");
        return false;
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.brokerProperty("transaction.state.log.replication.factor", "1");
        kafka.brokerProperty("transaction.state.log.min.isr", "1");
        kafka.afterPropertiesSet();
        EmbeddedPostgres postgres;
        try {
            Path dataDir = Files.createTempDirectory("ocop-postgres");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    // Durability is not what these tests measure; a crash is simulated, never real.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.destroy();
            try {
                postgres.close();
            }
            catch (IOException e) {
                log.debug("embedded PostgreSQL did not stop cleanly", e);
            }
        }, "test-infrastructure-stop"));
        return new TestInfrastructure(kafka.getBrokersAsString(), "localhost:" + postgres.getPort());
    }

    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
                .withUsername(USER)
                .withPassword(PASSWORD)
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        kafka.start();
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }, "test-containers-stop"));
        return new TestInfrastructure(kafka.getBootstrapServers(),
                postgres.getHost() + ":" + postgres.getMappedPort(5432));
    }
}
