package vn.ocop.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./run-local}: starts Kafka and PostgreSQL, then the four services, waits until each is
 * ready, prints where to go, optionally loads demo data, and stops everything on Ctrl-C.
 */
public final class LocalPlatform {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(options.logs());
        System.setProperty("ocop.logs", options.logs().toString());
        Logger log = LoggerFactory.getLogger(LocalPlatform.class);

        String busy = busyPort(options);
        if (busy != null) {
            log.error(busy);
            System.exit(3);
        }

        log.info("Starting PostgreSQL on port {} and Kafka on port {} (data in {})", options.postgresPort(),
                options.kafkaPort(), options.dataDir());
        Infrastructure infrastructure = Infrastructure.start(options);
        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the services, Kafka and PostgreSQL …");
            services.reversed().forEach(ServiceProcess::stop);
            infrastructure.close();
            log.info("Stopped. Data is kept in {}", options.dataDir());
            stopped.countDown();
        }, "local-platform-stop"));

        Path root = Path.of("").toAbsolutePath();
        for (String service : Options.SERVICES) {
            services.add(ServiceProcess.start(service, options, root));
        }
        if (!awaitReady(services, log)) {
            System.exit(1);
        }

        Map<String, String> urls = new LinkedHashMap<>();
        services.forEach(service -> urls.put(service.name(), service.url()));
        log.info("");
        log.info("OCOP Connect is running:");
        urls.forEach((name, url) -> log.info("  {}  {}  (API description: {}/v3/api-docs)", "%-21s".formatted(name), url, url));
        log.info("  Kafka                  localhost:{}", options.kafkaPort());
        log.info("  PostgreSQL             {} (user {}, databases {})", Infrastructure.jdbcUrl(options, ""),
                Infrastructure.DB_USER, String.join(", ", Options.SERVICES));
        log.info("  Logs                   {}", options.logs());
        log.info("Press Ctrl-C to stop; data is kept for the next run.");

        if (options.demo()) {
            Path marker = options.dataDir().resolve("demo-loaded");
            if (Files.exists(marker)) {
                log.info("Demo data was loaded on an earlier run ({}); not loading it again.", marker);
            }
            else {
                new DemoData(urls, log).load();
                Files.writeString(marker, Instant.now().toString());
            }
        }
        stopped.await();
    }

    private static boolean awaitReady(List<ServiceProcess> services, Logger log) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    log.error("{} did not start; see its log above", service.name());
                    return false;
                }
                if (service.isReady()) {
                    log.info("{} is ready at {}", service.name(), service.url());
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                log.error("{} not ready after {} s", waiting.stream().map(ServiceProcess::name).toList(),
                        READY_TIMEOUT.toSeconds());
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    /** A clear sentence about the first port already taken, or null when all are free. */
    public static String busyPort(Options options) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (--kafka-port)", options.kafkaPort());
        ports.put("Kafka's controller (--kafka-port + 1)", options.kafkaControllerPort());
        ports.put("PostgreSQL (--postgres-port)", options.postgresPort());
        options.servicePorts().forEach((service, port) -> ports.put(service + "-service (--" + service + "-port)", port));
        for (Map.Entry<String, Integer> entry : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket(entry.getValue(), 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            }
            catch (IOException e) {
                return "Port " + entry.getValue() + " for " + entry.getKey()
                        + " is already in use. Stop what uses it, or choose another port with the option shown.";
            }
        }
        return null;
    }
}
