package vn.ocop.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies for tests: real-sounding data, unique where the platform demands it. */
public final class CatalogFixtures {

    /** A one-page PDF. */
    public static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    /** A 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** The first bytes of a JPEG (JFIF) file. */
    public static final byte[] JPEG = new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F',
            'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9 };

    private CatalogFixtures() {
    }

    public static Map<String, Object> cooperativeInThaiNguyen() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Hợp tác xã Chè Tân Cương");
        body.put("type", "COOPERATIVE");
        body.put("taxCode", uniqueTaxCode());
        body.put("province", "Thái Nguyên");
        body.put("commune", "Tân Cương");
        body.put("address", "Xóm Hồng Thái 2");
        body.put("phone", "0208 3855 123");
        body.put("email", "htxchetancuong@example.vn");
        return body;
    }

    public static Map<String, Object> teaFromThaiNguyen(String producerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("name", "Chè Thái Nguyên Tân Cương");
        body.put("group", 2);
        body.put("subgroup", "2.2");
        body.put("description", "Chè xanh búp khô, hái tay");
        body.put("story", "Vùng chè Tân Cương dưới chân núi Pháo.");
        body.put("unit", "hộp 200 g");
        body.put("wholesalePriceVnd", 180000);
        body.put("minOrderQuantity", 50);
        body.put("origin", Map.of("province", "Thái Nguyên", "commune", "Tân Cương"));
        return body;
    }

    public static String uniqueTaxCode() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
