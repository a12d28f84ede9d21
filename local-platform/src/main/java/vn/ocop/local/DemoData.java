package vn.ocop.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic OCOP demo data, loaded only through the services' public HTTP APIs so that listings,
 * leads and the dashboard fill by themselves through the event flow. Provinces follow the 2025
 * administrative map (34 provinces, no districts).
 */
final class DemoData {

    private record Product(String name, int group, String subgroup, String province, String commune, String producer,
            String producerType, String unit, long priceVnd, int minOrder, int targetStars, String story) {
    }

    private record Retailer(String name, String type, String province, String address) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("Chè Thái Nguyên Tân Cương", 2, "2.2", "Thái Nguyên", "Tân Cương", "Hợp tác xã Chè Tân Cương", "COOPERATIVE", "hộp 200 g", 180_000, 50, 4, "Vùng chè dưới chân núi Pháo, hái tay một tôm hai lá."),
            new Product("Nước mắm Phú Quốc 40 độ đạm", 1, "1.3", "An Giang", "Phú Quốc", "Công ty TNHH Nước mắm Khải Hoàn", "ENTERPRISE", "chai 500 ml", 95_000, 100, 5, "Cá cơm than ủ chượp trong thùng gỗ bời lời từ năm 1955."),
            new Product("Gạo ST25 Mỹ Xuyên", 1, "1.1", "Cần Thơ", "Mỹ Xuyên", "Doanh nghiệp tư nhân Hồ Quang Trí", "ENTERPRISE", "túi 5 kg", 175_000, 200, 5, "Giống lúa thơm của kỹ sư Hồ Quang Cua, trồng trên đất lúa – tôm."),
            new Product("Bưởi Diễn Phú Diễn", 1, "1.2", "Hà Nội", "Phú Diễn", "Hợp tác xã Bưởi Diễn Phú Diễn", "COOPERATIVE", "quả 1,2 kg", 60_000, 100, 4, "Giống bưởi tiến vua của đất Kẻ Noi."),
            new Product("Mật ong bạc hà Đồng Văn", 1, "1.4", "Tuyên Quang", "Đồng Văn", "Hợp tác xã Ong mật Đồng Văn", "COOPERATIVE", "chai 500 ml", 320_000, 20, 4, "Ong nội hút mật hoa bạc hà dại trên cao nguyên đá."),
            new Product("Cốm làng Vòng", 1, "1.5", "Hà Nội", "Cầu Giấy", "Hộ kinh doanh Cốm Mơ Nguyên Ninh", "HOUSEHOLD_BUSINESS", "gói 500 g", 150_000, 30, 3, "Cốm giã tay từ lúa nếp cái hoa vàng non sữa."),
            new Product("Chả mực Hạ Long", 1, "1.3", "Quảng Ninh", "Hạ Long", "Công ty CP Thực phẩm Hạ Long Xanh", "ENTERPRISE", "hộp 500 g", 380_000, 20, 4, "Mực ống vịnh Bắc Bộ giã tay bằng cối đá."),
            new Product("Vải thiều Lục Ngạn sấy khô", 1, "1.2", "Bắc Ninh", "Lục Ngạn", "Hợp tác xã Vải thiều Lục Ngạn", "COOPERATIVE", "hộp 1 kg", 140_000, 50, 3, "Vải thiều chín cây sấy bằng lò than củi nhãn."),
            new Product("Miến dong Bình Liêu", 1, "1.1", "Quảng Ninh", "Bình Liêu", "Hợp tác xã Miến dong Bình Liêu", "COOPERATIVE", "gói 500 g", 75_000, 100, 3, "Tinh bột dong riềng đỏ vùng biên giới Bình Liêu."),
            new Product("Nem chua Thanh Hóa", 1, "1.3", "Thanh Hóa", "Hạc Thành", "Cơ sở sản xuất Nem Tuấn", "HOUSEHOLD_BUSINESS", "chục 10 cái", 45_000, 100, 3, "Nem gói lá chuối, lá đinh lăng theo công thức gia truyền."),
            new Product("Hạt điều rang muối Bình Phước", 1, "1.4", "Đồng Nai", "Bình Long", "Công ty TNHH Điều Vàng Bình Phước", "ENTERPRISE", "hũ 500 g", 210_000, 50, 4, "Điều bói đất đỏ bazan rang củi còn vỏ lụa."),
            new Product("Bánh pía Vũng Thơm", 1, "1.5", "Cần Thơ", "Vĩnh Châu", "Cơ sở bánh pía Tân Huê Viên", "HOUSEHOLD_BUSINESS", "hộp 4 cái", 70_000, 50, 2, "Bánh pía nhân sầu riêng trứng muối của người Hoa Sóc Trăng."),
            new Product("Cà phê Robusta Buôn Ma Thuột", 2, "2.3", "Đắk Lắk", "Buôn Ma Thuột", "Hợp tác xã Cà phê Ea Tu", "COOPERATIVE", "túi 500 g", 165_000, 40, 4, "Cà phê chín đỏ thu hái chọn lọc, rang mộc."),
            new Product("Rượu Bàu Đá", 2, "2.1", "Gia Lai", "An Nhơn", "Hợp tác xã Rượu Bàu Đá Cù Lâm", "COOPERATIVE", "chai 500 ml", 120_000, 30, 3, "Nấu từ gạo, men thuốc bắc và nước giếng Bàu Đá."),
            new Product("Chè Shan tuyết Suối Giàng", 2, "2.2", "Lào Cai", "Suối Giàng", "Hợp tác xã Chè Suối Giàng", "COOPERATIVE", "hộp 100 g", 250_000, 30, 5, "Cây chè cổ thụ trăm năm của người Mông trên độ cao 1.400 m."),
            new Product("Rượu táo mèo Bắc Hà", 2, "2.1", "Lào Cai", "Bắc Hà", "Hộ kinh doanh Vàng Seo Phủ", "HOUSEHOLD_BUSINESS", "bình 1 lít", 150_000, 20, 2, "Táo mèo rừng ngâm theo cách của người Mông Bắc Hà."),
            new Product("Sâm Ngọc Linh Trà Linh", 3, "3.1", "Đà Nẵng", "Trà Linh", "Công ty CP Sâm Ngọc Linh Quảng Nam", "ENTERPRISE", "hộp 100 g", 12_000_000, 2, 5, "Sâm mọc dưới tán rừng nguyên sinh núi Ngọc Linh."),
            new Product("Tinh dầu tràm Huế", 3, "3.2", "Huế", "Phong Điền", "Hợp tác xã Tinh dầu tràm Phong Điền", "COOPERATIVE", "chai 100 ml", 85_000, 50, 4, "Chưng cất từ lá tràm gió vùng cát nội đồng."),
            new Product("Trà atiso Đà Lạt", 3, "3.3", "Lâm Đồng", "Đà Lạt", "Công ty TNHH Atiso Ngọc Duy", "ENTERPRISE", "hộp 20 túi lọc", 65_000, 100, 3, "Hoa và lá atiso trồng trên cao nguyên Lâm Viên."),
            new Product("Cao đinh lăng Tuyên Quang", 3, "3.1", "Tuyên Quang", "Hàm Yên", "Tổ hợp tác Dược liệu Hàm Yên", "COOPERATIVE_GROUP", "lọ 100 g", 220_000, 20, 2, "Rễ đinh lăng ba năm tuổi nấu cao thủ công."),
            new Product("Gốm sứ Bát Tràng men lam", 4, "4.1", "Hà Nội", "Bát Tràng", "Công ty TNHH Gốm Bát Tràng Xưa", "ENTERPRISE", "bộ ấm chén", 650_000, 10, 5, "Làng gốm năm trăm năm bên sông Hồng."),
            new Product("Lụa Vạn Phúc", 4, "4.2", "Hà Nội", "Hà Đông", "Hợp tác xã Dệt lụa Vạn Phúc", "COOPERATIVE", "khăn 180 × 60 cm", 320_000, 20, 4, "Lụa tơ tằm dệt trên khung cửi của làng nghề nghìn năm."),
            new Product("Nón lá Huế", 4, "4.3", "Huế", "Phú Hồ", "Tổ hợp tác Nón lá Tây Hồ", "COOPERATIVE_GROUP", "chiếc", 90_000, 50, 3, "Nón bài thơ ép hình Cầu Trường Tiền giữa hai lớp lá."),
            new Product("Mây tre đan Phú Vinh", 4, "4.3", "Hà Nội", "Phú Nghĩa", "Hợp tác xã Mây tre đan Phú Vinh", "COOPERATIVE", "giỏ", 180_000, 30, 4, "Làng nghề mây tre đan xuất khẩu vùng Chương Mỹ."),
            new Product("Thổ cẩm Mai Châu", 4, "4.2", "Phú Thọ", "Mai Châu", "Hợp tác xã Dệt thổ cẩm Bản Lác", "COOPERATIVE", "tấm 2 m", 450_000, 10, 3, "Hoa văn thổ cẩm của người Thái trắng Mai Châu."),
            new Product("Chiếu cói Kim Sơn", 4, "4.3", "Ninh Bình", "Kim Sơn", "Hộ kinh doanh Chiếu cói Phạm Văn Lộc", "HOUSEHOLD_BUSINESS", "chiếc 1,6 m", 240_000, 20, 2, "Cói vùng bãi bồi ven biển dệt tay."),
            new Product("Đào thế Nhật Tân", 5, "5.1", "Hà Nội", "Tây Hồ", "Hợp tác xã Hoa đào Nhật Tân", "COOPERATIVE", "cây", 2_500_000, 2, 4, "Đào bích thế trồng trên bãi phù sa sông Hồng."),
            new Product("Lan hồ điệp Đà Lạt", 5, "5.1", "Lâm Đồng", "Xuân Hương - Đà Lạt", "Công ty TNHH Hoa lan Đà Lạt Xanh", "ENTERPRISE", "chậu 3 cành", 900_000, 5, 4, "Lan nuôi cấy mô trong nhà kính khí hậu ôn đới."),
            new Product("Mai vàng An Nhơn", 5, "5.1", "Gia Lai", "An Nhơn Đông", "Tổ hợp tác Mai vàng Nhơn An", "COOPERATIVE_GROUP", "cây", 3_500_000, 1, 3, "Mai vàng ghép giống của làng mai Bình Định xưa."),
            new Product("Du lịch cộng đồng Pù Luông", 6, "6.1", "Thanh Hóa", "Pù Luông", "Hợp tác xã Du lịch Bản Đôn", "COOPERATIVE", "khách/đêm", 650_000, 1, 4, "Ruộng bậc thang và nhà sàn người Thái giữa khu bảo tồn."),
            new Product("Làng cổ Đường Lâm", 6, "6.3", "Hà Nội", "Sơn Tây", "Hợp tác xã Du lịch Đường Lâm", "COOPERATIVE", "vé tham quan", 20_000, 10, 5, "Làng đá ong cổ, quê hương hai vua."),
            new Product("Homestay Bản Lác", 6, "6.1", "Phú Thọ", "Mai Châu", "Hộ kinh doanh Homestay Hà Văn Thảnh", "HOUSEHOLD_BUSINESS", "khách/đêm", 400_000, 1, 3, "Nhà sàn gỗ và ẩm thực Thái trắng ven thung lũng."));

    private static final List<Retailer> RETAILERS = List.of(
            new Retailer("Siêu thị Hà Nội Xanh", "SUPERMARKET_CHAIN", "Hà Nội", "25 Tràng Tiền, Hoàn Kiếm"),
            new Retailer("Chuỗi cửa hàng Đặc sản Ba Miền", "STORE", "TP. Hồ Chí Minh", "112 Lê Lợi, Bến Thành"),
            new Retailer("Nhà phân phối Nông sản Sạch Miền Tây", "DISTRIBUTOR", "Cần Thơ", "KCN Trà Nóc"),
            new Retailer("Điểm bán OCOP Hoàn Kiếm", "STORE", "Hà Nội", "8 Hàng Khay, Hoàn Kiếm"),
            new Retailer("Chợ Quê Online", "ONLINE_SHOP", "Đà Nẵng", "Tầng 5, 52 Bạch Đằng, Hải Châu"),
            new Retailer("Siêu thị Sài Gòn Việt", "SUPERMARKET_CHAIN", "TP. Hồ Chí Minh", "168 Nguyễn Đình Chiểu, Xuân Hòa"),
            new Retailer("Cửa hàng Quà quê Huế", "STORE", "Huế", "20 Lê Lợi, Thuận Hóa"),
            new Retailer("Tổng kho Đặc sản Tây Bắc", "DISTRIBUTOR", "Lào Cai", "Đường Hoàng Liên, Lào Cai"));

    /** A one-page PDF: what the demo puts in a dossier for each document a council asks for. */
    private static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    /** A 1×1 PNG: the demo's photo of a label. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(2025);
    private final String catalog;
    private final String evaluation;
    private final String marketplace;
    private final Logger log;

    DemoData(Map<String, String> urls, Logger log) {
        this.catalog = urls.get("catalog-service");
        this.evaluation = urls.get("evaluation-service");
        this.marketplace = urls.get("marketplace-service");
        this.log = log;
    }

    void load() throws IOException, InterruptedException {
        log.info("Loading demo data through the public APIs …");
        Map<String, String> producers = new LinkedHashMap<>();
        List<String> listed = new ArrayList<>();
        int rejected = 0;
        for (Product product : PRODUCTS) {
            String producerId = producers.get(product.producer());
            if (producerId == null) {
                producerId = post(catalog + "/api/producers", producer(product)).path("id").asString();
                producers.put(product.producer(), producerId);
            }
            String productId = post(catalog + "/api/products", product(product, producerId)).path("id").asString();
            completeDossier(productId);
            // Every product starts at the commune council; those scoring 70 or more climb as the rule set says.
            String submissionId = post(catalog + "/api/products/" + productId + "/submissions", Map.of())
                    .path("submissionId").asString();
            String evaluationId = awaitEvaluation(submissionId);
            double share = shareFor(product.targetStars());
            boolean certified = false;
            while (evaluationId != null) {
                JsonNode decision = decide(evaluationId, share);
                certified |= decision.path("certified").asBoolean();
                evaluationId = decision.path("nextEvaluationId").isString()
                        ? decision.path("nextEvaluationId").asString() : null;
            }
            if (certified) {
                listed.add(awaitListing(product.name()));
            }
            else {
                rejected++;
            }
        }
        log.info("{} producers, {} products: {} certified and listed, {} rejected", producers.size(), PRODUCTS.size(),
                listed.size(), rejected);

        List<String> retailers = new ArrayList<>();
        for (Retailer retailer : RETAILERS) {
            retailers.add(post(marketplace + "/api/retailers", retailer(retailer)).path("id").asString());
        }
        int orders = 0;
        for (int i = 0; i < 24; i++) {
            String listingId = listed.get(random.nextInt(listed.size()));
            JsonNode listing = get(marketplace + "/api/listings/" + listingId);
            int quantity = listing.path("minOrderQuantity").asInt() * (1 + random.nextInt(4));
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("retailerId", retailers.get(random.nextInt(retailers.size())));
            order.put("listingId", listingId);
            order.put("quantity", quantity);
            order.put("deliveryProvince", RETAILERS.get(i % RETAILERS.size()).province());
            order.put("deliveryAddress", RETAILERS.get(i % RETAILERS.size()).address());
            order.put("note", i % 3 == 0 ? "Giao trước Tết Nguyên đán" : null);
            String orderId = post(marketplace + "/api/orders", order).path("id").asString();
            orders++;
            progress(orderId, i);
        }
        int requests = 0;
        int matches = 0;
        for (int i = 0; i < PURCHASE_REQUESTS.size(); i++) {
            Map<String, Object> request = new LinkedHashMap<>(PURCHASE_REQUESTS.get(i));
            request.put("retailerId", retailers.get(i % retailers.size()));
            request.put("neededBy", java.time.LocalDate.now().plusMonths(2).toString());
            matches += post(marketplace + "/api/purchase-requests", request).path("matches").size();
            requests++;
        }
        log.info("{} retailers placed {} orders (some accepted, shipped, delivered or rejected) and posted {} purchase"
                + " requests that met {} producers. Open the listings at {}/api/listings?q=che+thai+nguyen",
                retailers.size(), orders, requests, matches, marketplace);
    }

    /** Moves some orders along, so that every stage of an order shows up on the dashboard. */
    private void progress(String orderId, int i) throws IOException, InterruptedException {
        String order = marketplace + "/api/orders/" + orderId;
        switch (i % 6) {
            case 0, 1 -> {
                post(order + "/accept", Map.of());
                post(order + "/ship", Map.of());
                post(order + "/deliver", Map.of());
            }
            case 2 -> {
                post(order + "/accept", Map.of());
                post(order + "/ship", Map.of());
            }
            case 3 -> post(order + "/accept", Map.of());
            case 4 -> post(order + "/reject", Map.of("reason", "Hết hàng vụ này, mời đặt lại sau thu hoạch"));
            default -> {
                // left as placed: a lead the producer has yet to answer
            }
        }
    }

    /** What retailers ask for: by group, by words, with stars, price and province where they care. */
    private static final List<Map<String, Object>> PURCHASE_REQUESTS = List.of(
            Map.of("group", 2, "query", "chè", "minStars", 4, "quantity", 500, "unit", "hộp", "maxPriceVnd", 300_000),
            Map.of("group", 1, "query", "mật ong", "quantity", 200, "unit", "chai", "province", "Tuyên Quang"),
            Map.of("query", "gạo st25", "minStars", 4, "quantity", 2_000, "unit", "túi 5 kg"),
            Map.of("group", 4, "maxPriceVnd", 700_000, "quantity", 50, "unit", "bộ"),
            Map.of("query", "nuoc mam phu quoc", "quantity", 1_000, "unit", "chai"),
            Map.of("group", 6, "minStars", 4, "quantity", 40, "unit", "khách"));

    /** Each criterion's share of its maximum that gives the target stars on average. */
    private static double shareFor(int stars) {
        return switch (stars) {
            case 5 -> 0.93;
            case 4 -> 0.8;
            case 3 -> 0.6;
            default -> 0.42;
        };
    }

    /**
     * Every member of the council the case names scores each criterion of the case's template,
     * then the council decides.
     */
    private JsonNode decide(String evaluationId, double share) throws IOException, InterruptedException {
        JsonNode evaluation = get(this.evaluation + "/api/evaluations/" + evaluationId);
        for (JsonNode member : evaluation.path("council").path("members")) {
            List<Map<String, Object>> scores = new ArrayList<>();
            for (JsonNode criterion : evaluation.path("template").path("criteria")) {
                double jitter = (random.nextDouble() - 0.5) * 0.06;
                int points = (int) Math.round(criterion.path("maxPoints").asInt()
                        * Math.min(1.0, Math.max(0.0, share + jitter)));
                scores.add(Map.of("criterion", criterion.path("code").asString(), "points", points));
            }
            post(this.evaluation + "/api/evaluations/" + evaluationId + "/scores",
                    Map.of("evaluator", member.path("name").asString(), "scores", scores));
        }
        return post(this.evaluation + "/api/evaluations/" + evaluationId + "/decision", Map.of());
    }

    /** Uploads a small document for each type the dossier still lacks: a PNG for the label, PDFs for the rest. */
    private void completeDossier(String productId) throws IOException, InterruptedException {
        for (JsonNode type : get(catalog + "/api/products/" + productId + "/dossier").path("missing")) {
            boolean label = type.asString().equals("LABEL_AND_PACKAGING");
            String fileName = type.asString().toLowerCase(Locale.ROOT) + (label ? ".png" : ".pdf");
            String boundary = "----ocop-demo-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + (label ? "image/png" : "application/pdf") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(label ? PNG : PDF);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            send(HttpRequest.newBuilder(URI.create(catalog + "/api/products/" + productId + "/documents/" + type.asString()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build());
        }
    }

    private Map<String, Object> producer(Product product) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", product.producer());
        body.put("type", product.producerType());
        body.put("taxCode", String.valueOf(1_000_000_000L + Math.abs(random.nextLong() % 8_999_999_999L)));
        body.put("province", product.province());
        body.put("commune", product.commune());
        body.put("address", "Thôn Trung, " + product.commune());
        body.put("phone", "09" + (10_000_000 + random.nextInt(89_999_999)));
        body.put("email", "lienhe+" + UUID.randomUUID().toString().substring(0, 6) + "@ocop-demo.vn");
        return body;
    }

    private static Map<String, Object> product(Product product, String producerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("name", product.name());
        body.put("group", product.group());
        body.put("subgroup", product.subgroup());
        body.put("description", product.name() + " — sản phẩm OCOP của " + product.commune() + ", " + product.province());
        body.put("story", product.story());
        body.put("unit", product.unit());
        body.put("wholesalePriceVnd", product.priceVnd());
        body.put("minOrderQuantity", product.minOrder());
        body.put("origin", Map.of("province", product.province(), "commune", product.commune()));
        return body;
    }

    private Map<String, Object> retailer(Retailer retailer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", retailer.name());
        body.put("type", retailer.type());
        body.put("taxCode", String.valueOf(1_000_000_000L + Math.abs(random.nextLong() % 8_999_999_999L)));
        body.put("province", retailer.province());
        body.put("address", retailer.address());
        body.put("email", "muahang+" + UUID.randomUUID().toString().substring(0, 6) + "@ocop-demo.vn");
        return body;
    }

    private String awaitEvaluation(String submissionId) throws IOException, InterruptedException {
        return awaitItem(evaluation + "/api/evaluations?submissionId=" + submissionId, "evaluation of " + submissionId);
    }

    private String awaitListing(String name) throws IOException, InterruptedException {
        return awaitItem(marketplace + "/api/listings?limit=1&q=" + name.replace(" ", "+"), "listing of " + name);
    }

    private String awaitItem(String url, String what) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode items = get(url).path("items");
            if (!items.isEmpty()) {
                return items.get(0).path("id").asString();
            }
            Thread.sleep(50);
        }
        throw new IOException("the " + what + " did not appear within a minute");
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private JsonNode post(String url, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }
}
