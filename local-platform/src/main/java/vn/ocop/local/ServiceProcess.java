package vn.ocop.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service as a separate JVM: started from its executable jar, told where Kafka and its
 * database are through the environment variables its configuration reads, its output shown with
 * a prefix and kept in a file.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private volatile boolean stopping;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * JVM settings for a developer's machine: a small heap and only the quick JIT compiler, so four
     * services start fast and stay light. Code runs slower than fully compiled. With the serial
     * collector every growth of class metadata past the threshold is a full collection (0.1-0.4 s
     * each, three per service while it starts, and one whenever later work loads classes): the
     * threshold is set above what a service loads.
     */
    public static final List<String> QUICK_START = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m",
            "-XX:MetaspaceSize=256m", "-XX:TieredStopAtLevel=1");

    /** JVM settings close to a deployment's: both JIT compilers (the Dockerfile limits neither), the same heap. */
    public static final List<String> FULL_SPEED = List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx512m",
            "-XX:MetaspaceSize=256m");

    public static ServiceProcess start(String service, Options options, Path root) throws IOException {
        return start(service, options, root, true, QUICK_START);
    }

    /**
     * @param echo whether to show the service's output on this console (it always goes to its log file)
     * @param jvmOptions {@link #QUICK_START}, {@link #FULL_SPEED} or others
     */
    public static ServiceProcess start(String service, Options options, Path root, boolean echo, List<String> jvmOptions)
            throws IOException {
        String artifact = service + "-service";
        Path jar = executableJar(root.resolve(artifact).resolve("target"), artifact);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        String prefix = service.toUpperCase();
        env.put("KAFKA_BOOTSTRAP", "localhost:" + options.kafkaPort());
        env.put(prefix + "_DB_URL", Infrastructure.jdbcUrl(options, service));
        env.put(prefix + "_DB_USER", Infrastructure.DB_USER);
        env.put(prefix + "_DB_PASSWORD", Infrastructure.DB_PASSWORD);
        env.put(prefix + "_PORT", String.valueOf(options.servicePorts().get(service)));
        // Locally, webhooks may go to receivers on this machine; a deployment allows no internal address.
        env.putIfAbsent("NOTIFICATION_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128");
        ServiceProcess started = new ServiceProcess(artifact, options.servicePorts().get(service), builder.start());
        started.pipeOutput(options.logs().resolve(service + ".log"), echo);
        return started;
    }

    private static Path executableJar(Path target, String artifact) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new IOException(artifact + " is not built: run ./mvnw -DskipTests package first");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().startsWith(artifact)
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(artifact + " has no executable jar in " + target
                            + ": run ./mvnw -DskipTests package first"));
        }
    }

    private void pipeOutput(Path logFile, boolean echo) throws IOException {
        PrintWriter log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true);
        String label = "[%-12s] ".formatted(name.replace("-service", ""));
        Thread.ofPlatform().name(name + "-output").daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (echo) {
                        System.out.println(label + line);
                    }
                    log.println(line);
                }
            }
            catch (IOException e) {
                System.out.println(label + "(output closed: " + e.getMessage() + ")");
            }
            finally {
                log.close();
            }
        });
        process.onExit().thenAccept(exited -> {
            if (!stopping) {
                System.out.println("[platform    ] " + name + " stopped unexpectedly with exit code " + exited.exitValue()
                        + "; see " + logFile);
            }
        });
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once the service answers its readiness probe with UP. */
    public boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (graceful shutdown), and forces it after a while. */
    public void stop() {
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
