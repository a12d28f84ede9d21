package vn.ocop.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.local.Infrastructure;
import vn.ocop.local.LocalPlatform;
import vn.ocop.local.Options;
import vn.ocop.local.ServiceProcess;

/**
 * {@code ./run-benchmark}: starts the platform as {@code ./run-local} does (its own ports and a
 * fresh data folder), runs every measurement, prints a table and writes a JSON file.
 */
public final class Benchmark {

    private static final String THIS_JVM = "kafka broker + load generator (this JVM)";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "rate", "200", "events", "4000", "burst", "5000", "search-sizes", "100000,1000000",
                "clients", "1,16,64", "seconds", "15", "results", "benchmarks/results", "flow", "true", "warm-up", "3000",
                "paced-warm-up", "10"));
        settings.put("max-warm-up", "300");
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!settings.containsKey(pair[0]) || pair.length != 2) {
                System.err.println("unknown option " + arg + "; options: " + settings.keySet().stream().map(k -> "--" + k + "=")
                        .toList());
                System.exit(2);
            }
            settings.put(pair[0], pair[1]);
        }
        Path data = Path.of("target", "benchmark-data").toAbsolutePath();
        deleteRecursively(data);
        Options options = Options.parse(new String[] { "--data-dir=" + data, "--kafka-port=19092", "--postgres-port=15432",
                "--catalog-port=18081", "--evaluation-port=18082", "--marketplace-port=18083", "--notification-port=18084" },
                Map.of());
        // A PostgreSQL or broker left running on these ports would be measured instead (with old data).
        String busy = LocalPlatform.busyPort(options);
        if (busy != null) {
            System.err.println(busy);
            System.exit(3);
        }
        Files.createDirectories(data.resolve("logs"));
        System.setProperty("ocop.logs", data.resolve("logs").toString());

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("startedAt", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        report.put("settings", settings);
        System.out.println("Starting Kafka, PostgreSQL and the four services (logs in " + data.resolve("logs") + ") …");
        List<ServiceProcess> services = new CopyOnWriteArrayList<>();
        AtomicReference<Infrastructure> started = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    services.reversed().forEach(ServiceProcess::stop);
                }
                finally {
                    Infrastructure infrastructure = started.get();
                    if (infrastructure != null) {
                        infrastructure.close();
                    }
                }
            }
        };
        // Ctrl-C (or a kill) must not leave PostgreSQL, Kafka or a service running on the benchmark's ports.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "benchmark-stop"));
        started.set(Infrastructure.start(options));
        try {
            for (String service : Options.SERVICES) {
                // Compiled as in a deployment: ./run-local's quick-start JIT setting would measure slower code.
                services.add(ServiceProcess.start(service, options, Path.of("").toAbsolutePath(), false,
                        ServiceProcess.FULL_SPEED));
            }
            awaitReady(services);
            run(options, services, settings, report);
        }
        finally {
            stop.run();
        }
        Path results = Path.of(settings.get("results"));
        Files.createDirectories(results);
        Path file = results.resolve("run-" + DateTimeFormatter.ISO_INSTANT.format(Instant.now()).replace(':', '-') + ".json");
        Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report));
        System.out.println();
        System.out.println("Results written to " + file);
        System.exit(0);
    }

    private static void run(Options options, List<ServiceProcess> services, Map<String, String> settings,
            Map<String, Object> report) throws Exception {
        DataSource evaluation = dataSource(options, "evaluation");
        DataSource marketplace = dataSource(options, "marketplace");
        DataSource notification = dataSource(options, "notification");
        if (Boolean.parseBoolean(settings.get("flow"))) {
            runFlow(options, services, settings, report, new FlowBenchmark(evaluation, marketplace, notification));
        }
        if (!settings.get("search-sizes").isBlank() && !settings.get("search-sizes").equals("none")) {
            runSearch(options, services, settings, report, marketplace);
        }
    }

    private static void runFlow(Options options, List<ServiceProcess> services, Map<String, String> settings,
            Map<String, Object> report, FlowBenchmark flow) throws Exception {
        int events = Integer.parseInt(settings.get("events"));
        double rate = Double.parseDouble(settings.get("rate"));

        // Measured once the services run compiled code, as a deployment does after its first minutes:
        // a burst and some orders first (the paths of big polls), then rounds of the steady flow
        // (one event per transaction, polls of a few records) until no service's JIT compilers are
        // still busy. On two cores, with four services compiling at once, that takes minutes: runs
        // measured after a fixed 10 seconds of steady flow found the compiler threads using a third
        // to a half of marketplace's and notification's CPU, and latencies about twice as long.
        int warmUp = Integer.parseInt(settings.get("warm-up"));
        int round = (int) Math.round(rate * Integer.parseInt(settings.get("paced-warm-up")));
        Duration limit = Duration.ofSeconds(Long.parseLong(settings.get("max-warm-up")));
        System.out.println("Warming up the event flow (" + warmUp + " certifications, then " + warmUp / 10
                + " orders, then rounds of " + round + " certifications and " + round / 5 + " orders at "
                + settings.get("rate") + "/s until the services' JIT compilers use under "
                + Math.round(Footprint.JIT_QUIET * 100) + " % of a core, for at most " + limit.toSeconds() + " s) …");
        long warmUpStart = System.nanoTime();
        flow.certifiedToListed("warm-up", warmUp, 0);
        flow.orderToLead("warm-up", Math.max(1, warmUp / 10), 0);
        Map<String, Double> compiling = Map.of();
        int rounds = 0;
        if (round > 0) {
            long pacedStart = System.nanoTime();
            do {
                Map<String, Double> jitBefore = jit(services);
                long roundStart = System.nanoTime();
                flow.certifiedToListed("paced warm-up", round, rate);
                flow.orderToLead("paced warm-up", Math.max(1, round / 5), rate);
                compiling = jitShare(jitBefore, jit(services), (System.nanoTime() - roundStart) / 1e9);
                rounds++;
            }
            while (compiling.values().stream().anyMatch(share -> share > Footprint.JIT_QUIET)
                    && System.nanoTime() - pacedStart < limit.toNanos());
        }
        double warmedSeconds = (System.nanoTime() - warmUpStart) / 1e9;
        System.out.printf("    (warmed up for %.0f s, %d round%s of steady flow; JIT compilers in the last round: %s)%n",
                warmedSeconds, rounds, rounds == 1 ? "" : "s", describe(compiling));
        Map<String, Double> lastRound = new LinkedHashMap<>();
        compiling.forEach((process, share) -> lastRound.put(process, Stats.round(share)));
        report.put("flowWarmUp", Map.of("seconds", Stats.round(warmedSeconds), "steadyRounds", rounds,
                "jitShareOfACoreInLastRound", lastRound));

        // The cluster's own views (statements, WAL, checkpoints), read through its maintenance database.
        DataSource cluster = dataSource(options, "postgres");
        StatementProfile statements = new StatementProfile(cluster);
        statements.reset();
        Map<String, Double> jitDuringBefore = jit(services);
        Map<String, DataSource> databases = new LinkedHashMap<>();
        Options.SERVICES.forEach(database -> databases.put(database, dataSource(options, database)));
        Observers observers = new Observers(options, services, new Autovacuum(databases), new Wal(cluster));
        List<Measured> flows = List.of(
                observers.measure(() -> flow.certifiedToListed("certified -> listed at a fixed rate", events, rate)),
                observers.measure(() -> flow.certifiedToListed("certified -> listed, as fast as possible",
                        Integer.parseInt(settings.get("burst")), 0)),
                observers.measure(() -> flow.orderToLead("order -> lead at a fixed rate", events, rate)));
        // The footprint's CPU over the flow runs: the three runs' together.
        Map<String, Double> flowCpuSeconds = new LinkedHashMap<>();
        flows.forEach(run -> run.cpu().seconds().forEach((process, seconds) -> flowCpuSeconds.merge(process,
                seconds, Double::sum)));
        double flowSeconds = flows.stream().mapToDouble(run -> run.cpu().elapsed()).sum();
        Map<String, Double> jitDuringAfter = jit(services);
        int flowEvents = events + Integer.parseInt(settings.get("burst")) + events;

        System.out.println();
        System.out.println("== Event flow (commit-to-commit, PostgreSQL commit timestamps) ==");
        List<Map<String, Object>> flowJson = new ArrayList<>();
        for (Measured run : flows) {
            FlowBenchmark.Result result = run.result();
            System.out.printf("%s: %d events, offered %s/s, sustained %.0f/s%n", result.name(), result.events(),
                    result.offeredPerSecond() <= 0 ? "max" : "%.0f".formatted(result.offeredPerSecond()),
                    result.sustainedPerSecond());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", result.name());
            json.put("events", result.events());
            json.put("offeredPerSecond", result.offeredPerSecond());
            json.put("sustainedPerSecond", Stats.round(result.sustainedPerSecond()));
            Map<String, Object> latencies = new LinkedHashMap<>();
            result.latencies().forEach((what, stats) -> {
                System.out.printf("    %-48s %s%n", what, stats.line());
                latencies.put(what, stats.json());
            });
            json.put("latencies", latencies);
            // The whole platform's CPU from the first commit until every effect was in place
            // (notification's included), per process and per event.
            ProcessCpu used = run.cpu();
            System.out.printf("    %-48s %s%n", "CPU, all processes", used.line(result.events(), "event",
                    Benchmark::shortName));
            json.put("cpuSecondsByProcess", used.json());
            json.put("elapsedSeconds", Stats.round(used.elapsed()));
            json.put("cpuMillisecondsPerEvent", Stats.round(1000 * used.total() / result.events()));
            // Whether autovacuum's visit to a growing table fell inside this run (see Autovacuum).
            System.out.printf("    %-48s %s%n", "autovacuum during the run", run.vacuumed().line());
            json.put("autovacuum", run.vacuumed().json());
            // Whether a checkpoint began inside this run, and the full-page images it cost (see Wal).
            System.out.printf("    %-48s %s%n", "WAL written during the run", run.wal().line());
            json.put("wal", run.wal().json());
            flowJson.add(json);
        }
        report.put("flow", flowJson);

        System.out.println();
        System.out.println("== Where PostgreSQL's time went during the flow runs (pg_stat_statements, execution only) ==");
        report.put("databaseStatements", statements.top(25));

        System.out.println();
        System.out.println("== Footprint ==");
        List<Map<String, Object>> footprint = new ArrayList<>();
        for (Map.Entry<String, Long> process : processes(options, services).entrySet()) {
            long pid = process.getValue();
            double rss = process.getKey().equals("postgresql") ? Footprint.treeRssMib(pid) : Footprint.rssMib(pid);
            double cpu = flowCpuSeconds.getOrDefault(process.getKey(), Double.NaN);
            double perThousand = cpu / flowEvents * 1000;
            Double jitSeconds = jitDuringAfter.containsKey(process.getKey())
                    ? Math.max(0, jitDuringAfter.get(process.getKey()) - jitDuringBefore.get(process.getKey())) : null;
            System.out.printf("    %-40s RSS %7.0f MiB   CPU %6.1f s over the flow runs = %5.2f s per 1,000 events%s%n",
                    process.getKey(), rss, cpu, perThousand,
                    jitSeconds == null ? "" : " (JIT compilers %.1f s)".formatted(jitSeconds));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("process", process.getKey());
            row.put("rssMib", Stats.round(rss));
            row.put("cpuSeconds", Stats.round(cpu));
            row.put("cpuSecondsPer1000Events", Stats.round(perThousand));
            if (jitSeconds != null) {
                row.put("jitCpuSeconds", Stats.round(jitSeconds));
            }
            footprint.add(row);
        }
        report.put("footprint", Map.of("processes", footprint, "flowEvents", flowEvents, "flowSeconds", Stats.round(flowSeconds)));

        System.out.println();
        System.out.println("== Kafka alone (same producer settings) ==");
        KafkaLimits.Result kafka = KafkaLimits.measure("localhost:" + options.kafkaPort(), 900, 20_000);
        System.out.printf("    900-byte records: one at a time %.0f/s, pipelined (as the relay sends a batch) %.0f/s, consumed %.0f/s%n",
                kafka.oneAtATimePerSecond(), kafka.pipelinedPerSecond(), kafka.consumePerSecond());
        report.put("kafka", Map.of("messageBytes", kafka.messageBytes(),
                "oneAtATimePerSecond", Stats.round(kafka.oneAtATimePerSecond()),
                "pipelinedPerSecond", Stats.round(kafka.pipelinedPerSecond()),
                "consumedPerSecond", Stats.round(kafka.consumePerSecond())));
        double certifiedRate = flows.get(1).result().sustainedPerSecond();
        System.out.printf("    platform, certified -> listed as fast as possible: %.0f/s = %.0f%% of one-at-a-time sends, %.1f%% of pipelined%n",
                certifiedRate, 100 * certifiedRate / kafka.oneAtATimePerSecond(), 100 * certifiedRate / kafka.pipelinedPerSecond());

    }

    private static void runSearch(Options options, List<ServiceProcess> services, Map<String, String> settings,
            Map<String, Object> report, DataSource marketplace) throws Exception {
        System.out.println();
        System.out.println("== Search ==");
        ServiceProcess marketplaceService = services.get(Options.SERVICES.indexOf("marketplace"));
        SearchBenchmark search = new SearchBenchmark(marketplace, marketplaceService.url(), marketplaceService.pid(),
                () -> {
                    try {
                        return cpu(options, services);
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        List<Map<String, Object>> searchJson = new ArrayList<>();
        for (String size : settings.get("search-sizes").split(",")) {
            int listings = Integer.parseInt(size.strip());
            double loadSeconds = search.loadListings(listings);
            System.out.printf("  %,d listings (loaded in %.0f s)%n", listings, loadSeconds);
            List<SearchBenchmark.Search> mix = search.mix();
            for (String clients : settings.get("clients").split(",")) {
                int c = Integer.parseInt(clients.strip());
                Duration duration = Duration.ofSeconds(Long.parseLong(settings.get("seconds")));
                SearchBenchmark.Result http = search.overHttp(listings, c, duration, mix);
                SearchBenchmark.Result direct = search.direct(listings, c, duration, mix,
                        Infrastructure.jdbcUrl(options, "marketplace"), Infrastructure.DB_USER, Infrastructure.DB_PASSWORD);
                for (SearchBenchmark.Result result : List.of(http, direct)) {
                    System.out.printf("    %2d clients  %-10s %7.0f req/s  %s%s%n", c, result.side(),
                            result.requestsPerSecond(), result.latency().line(),
                            result.errors() > 0 ? "  errors " + result.errors() : "");
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("listings", listings);
                    json.put("clients", c);
                    json.put("side", result.side());
                    json.put("requestsPerSecond", Stats.round(result.requestsPerSecond()));
                    json.put("latency", result.latency().json());
                    json.put("errors", result.errors());
                    Map<String, Object> bySearch = new LinkedHashMap<>();
                    result.bySearch().forEach((label, stats) -> bySearch.put(label, stats.json()));
                    json.put("bySearch", bySearch);
                    if (c == 1) {
                        // Alone, what each search of the mix costs (p50 / p99).
                        StringBuilder line = new StringBuilder("               each search alone, p50 / p99 ms:");
                        result.bySearch().forEach((label, stats) -> line.append("%n                 %-62s %5.1f / %5.1f"
                                .formatted(label, stats.p50(), stats.p99())));
                        System.out.println(line);
                    }
                    // Every process's CPU while the searches were measured: what a search costs the
                    // database, the service and this load generator (the direct side's repository
                    // runs in it too).
                    ProcessCpu used = result.cpu();
                    System.out.printf("               CPU %s%n", used.line(result.requestsPerSecond() * used.elapsed(),
                            "search", Benchmark::shortName));
                    json.put("cpuSecondsByProcess", used.json());
                    json.put("elapsedSeconds", Stats.round(used.elapsed()));
                    SearchBenchmark.ServiceTime service = result.service();
                    if (service != null) {
                        // Where an answered request's time went, as means: waiting for a turn and
                        // the rest in the service (running, JSON, writing), and outside it (this
                        // client, the connection, Tomcat before its filter chain).
                        System.out.printf("               mean %.1f ms: in the service %.1f ms (of it waiting for a turn"
                                + " %.1f ms), outside it %.1f ms%n", result.latency().mean(), service.meanMs(),
                                service.meanWaitMs(), result.latency().mean() - service.meanMs());
                        Map<String, Object> serviceJson = new LinkedHashMap<>();
                        serviceJson.put("requests", Math.round(service.requests()));
                        serviceJson.put("meanMs", finiteOrNull(service.meanMs()));
                        serviceJson.put("meanWaitForTurnMs", finiteOrNull(service.meanWaitMs()));
                        json.put("service", serviceJson);
                    }
                    searchJson.add(json);
                }
                System.out.printf("               http / direct: %.0f%% of the throughput%n",
                        100 * http.requestsPerSecond() / direct.requestsPerSecond());
            }
        }
        report.put("search", searchJson);
    }

    private static @Nullable Double finiteOrNull(double value) {
        return Double.isFinite(value) ? Stats.round(value) : null;
    }

    private static Map<String, Long> processes(Options options, List<ServiceProcess> services) throws IOException {
        Map<String, Long> processes = new LinkedHashMap<>();
        services.forEach(service -> processes.put(service.name(), service.pid()));
        Path pidFile = options.dataDir().resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            processes.put("postgresql", Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()));
        }
        processes.put(THIS_JVM, ProcessHandle.current().pid());
        return processes;
    }

    /** CPU seconds used so far by the JIT compiler threads of each service and of this JVM. */
    private static Map<String, Double> jit(List<ServiceProcess> services) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.forEach(service -> seconds.put(service.name(), Footprint.jitCpuSeconds(service.pid())));
        seconds.put(THIS_JVM, Footprint.jitCpuSeconds(ProcessHandle.current().pid()));
        return seconds;
    }

    /**
     * The JIT compilers' CPU over an interval, per process, as a share of one core; NaN where
     * {@code /proc} could not be read, which the warm-up takes as quiet.
     */
    private static Map<String, Double> jitShare(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> share = new LinkedHashMap<>();
        after.forEach((process, used) -> share.put(process, Math.max(0, used - before.get(process)) / seconds));
        return share;
    }

    private static String describe(Map<String, Double> share) {
        return share.isEmpty() ? "not measured" : String.join(", ", share.entrySet().stream()
                .map(entry -> "%s %.0f %%".formatted(shortName(entry.getKey()), entry.getValue() * 100))
                .toList());
    }

    /** CPU seconds used so far by each process (PostgreSQL with its backends). */
    private static Map<String, Double> cpu(Options options, List<ServiceProcess> services) throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes(options, services).entrySet()) {
            cpu.put(process.getKey(), process.getKey().equals("postgresql")
                    ? Footprint.treeCpuSeconds(process.getValue()) : Footprint.cpuSeconds(process.getValue()));
        }
        return cpu;
    }

    /** A measured flow run with what the platform did meanwhile. */
    private record Measured(FlowBenchmark.Result result, ProcessCpu cpu, Autovacuum.During vacuumed,
            Wal.During wal) {
    }

    /** What is read before and after each measured flow run. */
    private record Observers(Options options, List<ServiceProcess> services, Autovacuum autovacuum, Wal wal) {

        /** Runs one measured flow: its result, the CPU each process used meanwhile, what autovacuum did and the WAL. */
        Measured measure(Callable<FlowBenchmark.Result> run) throws Exception {
            Map<String, Map<String, Autovacuum.Visits>> visits = autovacuum.visits();
            Wal.Reading walBefore = wal.read();
            Map<String, Double> before = cpu(options, services);
            long start = System.nanoTime();
            FlowBenchmark.Result result = run.call();
            ProcessCpu used = ProcessCpu.between(before, cpu(options, services), (System.nanoTime() - start) / 1e9);
            return new Measured(result, used, Autovacuum.between(visits, autovacuum.visits(), autovacuum.atWork()),
                    Wal.between(walBefore, wal.read()));
        }
    }

    private static String shortName(String process) {
        return process.equals(THIS_JVM) ? "broker+generator" : process.replace("-service", "");
    }

    private static void awaitReady(List<ServiceProcess> services) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        for (ServiceProcess service : services) {
            while (!service.isReady()) {
                if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service.name() + " did not become ready; see its log");
                }
                Thread.sleep(500);
            }
        }
    }

    private static DataSource dataSource(Options options, String database) {
        return new DriverManagerDataSource(Infrastructure.jdbcUrl(options, database), Infrastructure.DB_USER,
                Infrastructure.DB_PASSWORD);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
