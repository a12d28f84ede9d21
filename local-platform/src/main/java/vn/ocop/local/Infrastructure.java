package vn.ocop.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The broker and the database server: real Apache Kafka (KRaft, from the Kafka jars) and real
 * PostgreSQL 17 (embedded binaries), on fixed ports, keeping their data between runs.
 */
public final class Infrastructure implements AutoCloseable {

    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final KafkaRaftServer kafka;

    private Infrastructure(EmbeddedPostgres postgres, KafkaRaftServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static Infrastructure start(Options options) throws IOException {
        EmbeddedPostgres postgres = startPostgres(options);
        try {
            return new Infrastructure(postgres, startKafka(options));
        }
        catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    static EmbeddedPostgres startPostgres(Options options) throws IOException {
        Path dataDir = options.dataDir().resolve("postgres");
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(options.postgresPort())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                // A commit returns once its WAL is written (synchronous_commit, which the embedded
                // library turns off): a crash of PostgreSQL then loses nothing that was acknowledged,
                // and consumers commit their Kafka offsets only after their transaction commits.
                // Not flushed to disk (fsync stays off, as the library starts it; the single local
                // broker leaves flushing to the operating system too): a crash of the machine can
                // lose recent commits and damage the local data. A deployment keeps PostgreSQL's
                // defaults.
                .setServerConfig("synchronous_commit", "on")
                // Checkpoints far apart, as PostgreSQL's guide advises for a write-heavy load: after a
                // checkpoint begins, the first change to each page writes the whole page to the WAL
                // again. With the defaults (every 5 minutes, or once about half of a 1 GB max_wal_size
                // is written) one began every few minutes under load and its full-page images
                // slowed the event flow for a while. Recovery after a crash then replays more WAL,
                // and pg_wal may grow to a few GB under sustained load.
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("max_wal_size", "4GB")
                // Exact commit times of rows: what the benchmarks measure latency with.
                .setServerConfig("track_commit_timestamp", "on")
                // Statement statistics for operators (and the benchmark's breakdown of database time).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .start();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(options, "postgres"), DB_USER, DB_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String database : Options.SERVICES) {
                try (ResultSet exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        }
        catch (SQLException e) {
            postgres.close();
            throw new IOException("could not create the services' databases", e);
        }
        return postgres;
    }

    private static KafkaRaftServer startKafka(Options options) throws IOException {
        Path logDir = options.dataDir().resolve("kafka");
        Files.createDirectories(logDir);
        Properties properties = new Properties();
        properties.put("node.id", "1");
        properties.put("process.roles", "broker,controller");
        properties.put("listeners", "PLAINTEXT://localhost:" + options.kafkaPort() + ",CONTROLLER://localhost:"
                + options.kafkaControllerPort());
        properties.put("advertised.listeners", "PLAINTEXT://localhost:" + options.kafkaPort());
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.quorum.voters", "1@localhost:" + options.kafkaControllerPort());
        properties.put("log.dirs", logDir.toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        // Request threads for the cores of a developer's machine, which the broker shares with
        // PostgreSQL and four services, instead of a dedicated server's 3 network and 8 I/O threads.
        int cores = Runtime.getRuntime().availableProcessors();
        properties.put("num.network.threads", String.valueOf(Math.max(1, cores / 2)));
        properties.put("num.io.threads", String.valueOf(Math.max(2, cores)));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(properties, logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    /** Formats the log directory once, with a new cluster id; later runs reuse it. */
    private static void format(Properties properties, Path logDir) throws IOException {
        Path config = logDir.resolveSibling("kafka-server.properties");
        try (var out = Files.newOutputStream(config)) {
            properties.store(out, "written by the local platform launcher");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
                "--ignore-formatted" }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IOException("could not format Kafka's log directory: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public static String jdbcUrl(Options options, String database) {
        return "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + database;
    }

    @Override
    public void close() {
        kafka.shutdown();
        kafka.awaitShutdown();
        try {
            postgres.close();
        }
        catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
