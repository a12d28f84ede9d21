package vn.ocop.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the launcher was asked for. Every port and the data folder can be changed by an option
 * or an environment variable; options win.
 *
 * @param servicePorts the HTTP port of each service, by service name
 */
public record Options(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, Map<String, Integer> servicePorts,
        boolean demo) {

    public static final List<String> SERVICES = List.of("catalog", "evaluation", "marketplace", "notification");

    static final String USAGE = """
            Usage: ./run-local [--demo] [--data-dir=DIR] [--kafka-port=N] [--postgres-port=N]
                               [--catalog-port=N] [--evaluation-port=N] [--marketplace-port=N] [--notification-port=N]

              --demo            load demo producers, products, evaluations, retailers and orders (first run only)
              --data-dir=DIR    where Kafka, PostgreSQL and the logs keep their data (default .run-data; env OCOP_DATA_DIR)
              --kafka-port=N    Kafka broker port (default 9092; env KAFKA_PORT); the controller uses N+1
              --postgres-port=N PostgreSQL port (default 5432; env POSTGRES_PORT)
              --<service>-port=N HTTP port of a service (defaults 8081-8084; env CATALOG_PORT, …)
            """;

    public static Options parse(String[] args, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("OCOP_DATA_DIR", ".run-data"));
        int kafkaPort = intOf(env.getOrDefault("KAFKA_PORT", "9092"), "KAFKA_PORT");
        int postgresPort = intOf(env.getOrDefault("POSTGRES_PORT", "5432"), "POSTGRES_PORT");
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            String variable = SERVICES.get(i).toUpperCase() + "_PORT";
            servicePorts.put(SERVICES.get(i), intOf(env.getOrDefault(variable, String.valueOf(8081 + i)), variable));
        }
        boolean demo = false;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--demo" -> demo = true;
                case "--data-dir" -> dataDir = Path.of(value);
                case "--kafka-port" -> kafkaPort = intOf(value, name);
                case "--postgres-port" -> postgresPort = intOf(value, name);
                default -> {
                    String service = name.startsWith("--") && name.endsWith("-port")
                            ? name.substring(2, name.length() - "-port".length()) : "";
                    if (!servicePorts.containsKey(service)) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    servicePorts.put(service, intOf(value, name));
                }
            }
        }
        return new Options(dataDir.toAbsolutePath().normalize(), kafkaPort, kafkaPort + 1, postgresPort, servicePorts,
                demo);
    }

    private static int intOf(String value, String name) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    Path logs() {
        return dataDir.resolve("logs");
    }
}
