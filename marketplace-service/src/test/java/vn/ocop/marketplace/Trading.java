package vn.ocop.marketplace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import vn.ocop.testsupport.Http;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Retailers and orders through the public API, for tests. */
public final class Trading {

    private Trading() {
    }

    public static String supermarket(Http http) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Siêu thị Hà Nội Xanh");
        body.put("type", "SUPERMARKET_CHAIN");
        body.put("taxCode", String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)));
        body.put("province", "Hà Nội");
        body.put("address", "25 Tràng Tiền, Hoàn Kiếm");
        Response response = http.post("/api/retailers", body);
        assertThat(response.status()).isEqualTo(201);
        return response.text("/id");
    }

    public static Map<String, Object> order(String retailerId, String listingId, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retailerId", retailerId);
        body.put("listingId", listingId);
        body.put("quantity", quantity);
        body.put("deliveryProvince", "Hà Nội");
        body.put("deliveryAddress", "Kho Long Biên, 12 Ngọc Lâm");
        return body;
    }
}
