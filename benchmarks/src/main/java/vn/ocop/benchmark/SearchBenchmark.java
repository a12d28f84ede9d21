package vn.ocop.benchmark;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.marketplace.listing.ListingCursor;
import vn.ocop.marketplace.listing.ListingQuery;
import vn.ocop.marketplace.listing.Listings;
import vn.ocop.marketplace.listing.VocabularyChanges;

/**
 * {@code GET /api/listings} under load, and the same statement run directly: the direct side
 * calls marketplace's own repository over JDBC in this process, so both run exactly the same SQL
 * and the difference is HTTP, Spring MVC, JSON and the service's connection pool.
 */
final class SearchBenchmark {

    /**
     * One level of concurrency against one side: all searches, and each search of the mix (by
     * {@link Search#label}); over HTTP also the service's own account of the measured requests.
     */
    record Result(String side, int listings, int clients, double requestsPerSecond, Stats latency, int errors,
            Map<String, Stats> bySearch, @Nullable ServiceTime service, ProcessCpu cpu) {
    }

    /**
     * Marketplace's meters of its search requests ({@code http.server.requests} of
     * {@code /api/listings}) and of the time they waited for a turn on search's connections
     * ({@code marketplace.search.wait}): counts and total seconds, so that two readings give the
     * means of what happened between them.
     */
    record ServiceTime(double requests, double seconds, double turns, double waitSeconds) {

        ServiceTime since(ServiceTime before) {
            return new ServiceTime(requests - before.requests, seconds - before.seconds, turns - before.turns,
                    waitSeconds - before.waitSeconds);
        }

        /**
         * Mean time of an answered request in the service, as the servlet filter that times
         * {@code http.server.requests} (near the start of the filter chain) saw it.
         */
        double meanMs() {
            return requests > 0 ? 1000 * seconds / requests : Double.NaN;
        }

        /** Mean time a search waited for its turn. */
        double meanWaitMs() {
            return turns > 0 ? 1000 * waitSeconds / turns : Double.NaN;
        }
    }

    /** A search of the fixed mix: the HTTP query string and the same search as the repository runs it. */
    record Search(String queryString, ListingQuery query, String cursor) {

        /** The query string decoded, without the page size, and "cursor" for a next page's cursor. */
        String label() {
            String label = queryString.replace("limit=20&", "").replace("limit=20", "");
            int cursorAt = label.indexOf("&cursor=");
            label = cursorAt < 0 ? label : label.substring(0, cursorAt) + "&cursor";
            return URLDecoder.decode(label, StandardCharsets.UTF_8);
        }
    }

    private static final String[] PRODUCTS = { "Chè", "Nước mắm", "Gạo", "Mật ong", "Bưởi", "Cà phê", "Rượu", "Gốm",
            "Lụa", "Nón lá", "Miến dong", "Nem chua", "Hạt điều", "Tinh dầu tràm", "Sâm", "Bánh pía", "Vải thiều",
            "Cốm", "Chả mực", "Trà atiso" };
    private static final String[] PLACES = { "Thái Nguyên", "Phú Quốc", "Mỹ Xuyên", "Đồng Văn", "Phú Diễn", "Buôn Ma Thuột",
            "Bàu Đá", "Bát Tràng", "Vạn Phúc", "Huế", "Bình Liêu", "Thanh Hóa", "Bình Phước", "Phong Điền", "Ngọc Linh",
            "Vũng Thơm", "Lục Ngạn", "Làng Vòng", "Hạ Long", "Đà Lạt", "Tân Cương", "Suối Giàng", "Bắc Hà", "Mộc Châu",
            "Cao Bằng", "Hà Giang", "Sơn La", "Điện Biên", "Lạng Sơn", "Kim Sơn", "Mai Châu", "Đường Lâm", "Nhật Tân",
            "An Nhơn", "Pù Luông", "Sa Pa", "Tam Đảo", "Cát Bà", "Côn Đảo", "Cần Giờ" };
    private static final String[] PROVINCES = { "Thái Nguyên", "An Giang", "Cần Thơ", "Tuyên Quang", "Hà Nội", "Đắk Lắk",
            "Gia Lai", "Huế", "Quảng Ninh", "Thanh Hóa", "Đồng Nai", "Đà Nẵng", "Lâm Đồng", "Lào Cai", "Phú Thọ",
            "Ninh Bình", "Bắc Ninh", "Sơn La" };
    private static final String[] PRODUCERS = { "Hợp tác xã", "Công ty TNHH", "Hộ kinh doanh", "Tổ hợp tác", "Công ty CP" };
    private static final String[] NAMES = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung",
            "Hoàng Văn Đức", "Đặng Thị Hoa", "Bùi Văn Khánh", "Đỗ Thị Lan", "Vũ Văn Minh", "Ngô Thị Nga" };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource marketplace;
    private final String baseUrl;
    /** CPU seconds used so far by each process of the platform and by this one. */
    private final Supplier<Map<String, Double>> cpu;
    /** Marketplace's process, whose JIT compilers the HTTP warm-up waits for. */
    private final long servicePid;
    /** For the reads around the measured searches (a page's cursor, the service's meters), not the searches. */
    private final HttpClient reads = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private boolean httpWarmedUp;

    SearchBenchmark(DataSource marketplace, String baseUrl, long servicePid, Supplier<Map<String, Double>> cpu) {
        this.marketplace = marketplace;
        this.baseUrl = baseUrl;
        this.servicePid = servicePid;
        this.cpu = cpu;
    }

    /** Brings the listing table to {@code total} rows of realistic Vietnamese listings; returns seconds spent. */
    double loadListings(int total) throws Exception {
        long start = System.nanoTime();
        int existing = JdbcClient.create(marketplace).sql("select count(*) from listing").query(Integer.class).single();
        int chunk = 50_000;
        for (int from = existing; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            try (Connection connection = marketplace.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into listing (id, product_id, producer_id, producer_name, name, product_group, subgroup,
                            description, story, unit, wholesale_price_vnd, min_order_quantity, province, commune, stars,
                            score, certificate_no, valid_until, certified_at, status, created_at, updated_at)
                        select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
                            (%s)[1 + i %% %d] || ' ' || (%s)[1 + (i / 7) %% %d],
                            (%s)[1 + i %% %d] || ' ' || (%s)[1 + (i / 20) %% %d] || ' ' || (i %% 997),
                            1 + i %% 6, (1 + i %% 6) || '.1', 'Sản phẩm OCOP', 'Câu chuyện của vùng ' || (%s)[1 + (i / 20) %% %d],
                            'hộp', 20000 + (i::bigint * 7919) %% 480000, 10, (%s)[1 + (i / 3) %% %d], null, 3 + i %% 3,
                            60 + i %% 40, 'BENCH-S-' || i, date '2029-12-31', now(), 'ACTIVE',
                            now() - (i || ' seconds')::interval, now()
                        from generate_series(%d, %d) i
                        """.formatted(array(PRODUCERS), PRODUCERS.length, array(NAMES), NAMES.length, array(PRODUCTS),
                        PRODUCTS.length, array(PLACES), PLACES.length, array(PLACES), PLACES.length, array(PROVINCES),
                        PROVINCES.length, from, to - 1));
            }
        }
        // Vacuumed as well as analysed, as pgbench does after loading: otherwise autovacuum's pass
        // over the freshly loaded rows may fall inside a measurement, and the first reads of
        // every page set its hint bits.
        try (Connection connection = marketplace.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) listing");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String array(String[] values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("'" + value.replace("'", "''") + "'");
        }
        return "array[" + String.join(", ", quoted) + "]";
    }

    /** The fixed mix: with and without diacritics, a typo, filters, sorts, and a second page. */
    List<Search> mix() throws Exception {
        List<Search> mix = new ArrayList<>();
        mix.add(search("che thai nguyen", null, null, null, null, null));
        mix.add(search("Chè Thái Nguyên", null, null, null, null, null));
        mix.add(search("nuoc mam phu quoc", null, null, null, null, null));
        mix.add(search("mật ong đồng văn", null, 4, null, null, null));
        mix.add(search("Che Thai Ngyen", null, null, null, null, null));
        mix.add(search("gao", 1, null, "Cần Thơ", null, null));
        mix.add(search("gom bat trang", null, null, null, 300_000L, "price"));
        mix.add(search(null, 2, 5, null, null, "stars"));
        mix.add(search(null, null, null, "Hà Nội", null, "newest"));
        Search firstPage = search("lua van phuc", null, null, null, null, "newest");
        mix.add(firstPage);
        String next = nextCursor(firstPage.queryString());
        if (next != null) {
            mix.add(new Search(firstPage.queryString() + "&cursor=" + next, firstPage.query(), next));
        }
        return mix;
    }

    private static Search search(String q, Integer group, Integer minStars, String province, Long maxPrice, String sort) {
        StringBuilder qs = new StringBuilder("limit=20");
        if (q != null) {
            qs.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (group != null) {
            qs.append("&group=").append(group);
        }
        if (minStars != null) {
            qs.append("&minStars=").append(minStars);
        }
        if (province != null) {
            qs.append("&province=").append(URLEncoder.encode(province, StandardCharsets.UTF_8));
        }
        if (maxPrice != null) {
            qs.append("&maxPriceVnd=").append(maxPrice);
        }
        if (sort != null) {
            qs.append("&sort=").append(sort);
        }
        return new Search(qs.toString(), ListingQuery.of(q, group, minStars, province, maxPrice, sort), null);
    }

    private String nextCursor(String queryString) throws Exception {
        String body = reads.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/listings?" + queryString)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"nextCursor\":\"");
        return at < 0 ? null : body.substring(at + 14, body.indexOf('"', at + 14));
    }

    /**
     * The searches over HTTP/1.1 with keep-alive connections, one per client, from a blocking
     * client (Apache HttpClient's classic API, each request and its answer on the client's own
     * thread): the load generator shares the cores with the platform, and the JDK's client, which
     * hands every exchange between its selector thread and the caller, cost about 0.3 ms of CPU
     * per search at a million listings, a tenth of a search's whole cost. The whole answer is read.
     */
    Result overHttp(int listings, int clients, Duration duration, List<Search> mix) throws Exception {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(clients)
                .setMaxConnPerRoute(clients)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build();
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().build()) {
            Call call = search -> client.execute(new HttpGet(baseUrl + "/api/listings?" + search.queryString()),
                    response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode() == 200;
                    });
            if (!httpWarmedUp) {
                warmUntilSteady(clients, mix, call);
                httpWarmedUp = true;
            }
            return run("http", listings, clients, duration, Duration.ofSeconds(3), mix, call, this::serviceTime);
        }
    }

    /**
     * The first search over HTTP meets a service whose search code the JIT has not compiled yet,
     * and on two busy cores its compilers take a minute or more (a run of 16 clients measured 507
     * req/s cold against 861 after 1 client had gone first; at a million listings a run that
     * began with 16 clients after a fixed 20 seconds, 411-420 req/s against 509-521 in runs that
     * began with smaller levels). So the first level warms up for 20 seconds, then in 5-second
     * windows until two in a row are within 5 % of each other and marketplace's JIT compilers used
     * no more than {@link Footprint#JIT_QUIET} of a core in the last (so at least 30 seconds), starting
     * no window after three minutes.
     */
    private void warmUntilSteady(int clients, List<Search> mix, Call call) throws InterruptedException {
        long start = System.nanoTime();
        drive(clients, Duration.ofSeconds(20), mix, call, Collections.synchronizedList(new ArrayList<>()),
                new AtomicInteger());
        double previous = 0;
        double rate = 0;
        double compiling = Double.NaN;
        while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
            List<Timed> window = Collections.synchronizedList(new ArrayList<>());
            double jitBefore = Footprint.jitCpuSeconds(servicePid);
            long began = System.nanoTime();
            drive(clients, Duration.ofSeconds(5), mix, call, window, new AtomicInteger());
            double seconds = (System.nanoTime() - began) / 1e9;
            rate = window.size() / seconds;
            compiling = Math.max(0, Footprint.jitCpuSeconds(servicePid) - jitBefore) / seconds;
            // Unknown (no /proc) counts as quiet: the throughput alone decides, as before.
            boolean quiet = Double.isNaN(compiling) || compiling <= Footprint.JIT_QUIET;
            if (previous > 0 && Math.abs(rate - previous) <= 0.05 * previous && quiet) {
                break;
            }
            previous = rate;
        }
        System.out.printf("    (HTTP warmed up for %.0f s, until %d clients held %.0f req/s; marketplace's JIT compilers"
                + " used %.0f %% of a core in the last 5 s)%n", (System.nanoTime() - start) / 1e9, clients, rate,
                compiling * 100);
    }

    /**
     * Reads marketplace's search meters (see {@link ServiceTime}) from its actuator: the answered
     * searches (status 200, as the load generator counts them) and the waits of those admitted;
     * null (and the split left out) when they cannot be read.
     */
    private @Nullable ServiceTime serviceTime() {
        try {
            JsonNode requests = meter("http.server.requests?tag=uri:/api/listings&tag=method:GET&tag=status:200");
            JsonNode waits = meter("marketplace.search.wait?tag=outcome:admitted");
            return new ServiceTime(statistic(requests, "COUNT"), statistic(requests, "TOTAL_TIME"),
                    statistic(waits, "COUNT"), statistic(waits, "TOTAL_TIME"));
        }
        catch (Exception e) {
            System.out.println("    (marketplace's search meters could not be read: " + e + ")");
            return null;
        }
    }

    private @Nullable JsonNode meter(String query) throws Exception {
        HttpResponse<String> response = reads.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + query))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        // 404 until the first such request has been recorded.
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static double statistic(@Nullable JsonNode meter, String statistic) {
        if (meter != null) {
            for (JsonNode measurement : meter.path("measurements")) {
                if (statistic.equals(measurement.path("statistic").asString())) {
                    return measurement.path("value").asDouble();
                }
            }
        }
        return 0;
    }

    Result direct(int listings, int clients, Duration duration, List<Search> mix, String jdbcUrl, String user,
            String password) throws Exception {
        // As the service's search connections are set up: one pool planning with the values, one
        // keeping a generic plan per statement for the statements whose text fixes their plan.
        // And as the service does, it keeps what the vocabulary says about the words searched
        // until the vocabulary changes.
        VocabularyChanges vocabulary = new VocabularyChanges(jdbcUrl, user, password);
        vocabulary.start();
        try (HikariDataSource pool = pool(jdbcUrl, user, password, clients, false);
                HikariDataSource prepared = pool(jdbcUrl, user, password, clients, true)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (vocabulary.generation() == VocabularyChanges.NONE && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Listings repository = new Listings(JdbcClient.create(pool), JdbcClient.create(pool),
                    JdbcClient.create(prepared), vocabulary);
            return run("direct SQL", listings, clients, duration, Duration.ofSeconds(3), mix, search -> {
                repository.search(search.query(), ListingCursor.decode(search.cursor(), search.query().sort()), 20);
                return true;
            }, null);
        }
        finally {
            vocabulary.stop();
        }
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, int size, boolean keepPlans) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setConnectionInitSql(
                "set pg_trgm.word_similarity_threshold = 0.4; set plan_cache_mode = "
                        + (keepPlans ? "force_generic_plan" : "force_custom_plan"));
        if (keepPlans) {
            config.addDataSourceProperty("prepareThreshold", "1");
            config.addDataSourceProperty("preparedStatementCacheQueries", "64");
        }
        return new HikariDataSource(config);
    }

    private interface Call {
        boolean run(Search search) throws Exception;
    }

    private interface Meters {
        @Nullable ServiceTime read();
    }

    private Result run(String side, int listings, int clients, Duration duration, Duration warmUp,
            List<Search> mix, Call call, @Nullable Meters meters) throws Exception {
        // Warm-up: JIT, plans and caches, not counted.
        drive(clients, warmUp, mix, call, Collections.synchronizedList(new ArrayList<>()), new AtomicInteger());
        ServiceTime before = meters == null ? null : meters.read();
        List<Timed> timed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        Map<String, Double> cpuBefore = cpu.get();
        long start = System.nanoTime();
        drive(clients, duration, mix, call, timed, errors);
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu used = ProcessCpu.between(cpuBefore, cpu.get(), seconds);
        ServiceTime after = meters == null || before == null ? null : meters.read();
        ServiceTime service = after == null ? null : after.since(before);
        List<Double> latencies = timed.stream().map(Timed::millis).toList();
        Map<String, Stats> bySearch = new LinkedHashMap<>();
        for (Search search : mix) {
            bySearch.put(search.label(),
                    Stats.of(timed.stream().filter(one -> one.search() == search).map(Timed::millis).toList()));
        }
        return new Result(side, listings, clients, latencies.size() / seconds, Stats.of(latencies), errors.get(),
                bySearch, service, used);
    }

    /** One answered search and how long it took. */
    private record Timed(Search search, double millis) {
    }

    private static void drive(int clients, Duration duration, List<Search> mix, Call call, List<Timed> timed,
            AtomicInteger errors) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong sequence = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        Search search = mix.get((int) (sequence.getAndIncrement() % mix.size()));
                        long begin = System.nanoTime();
                        try {
                            if (call.run(search)) {
                                timed.add(new Timed(search, (System.nanoTime() - begin) / 1e6));
                            }
                            else {
                                errors.incrementAndGet();
                            }
                        }
                        catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
    }
}
