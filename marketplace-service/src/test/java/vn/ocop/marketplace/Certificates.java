package vn.ocop.marketplace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import vn.ocop.contracts.catalog.ProductSnapshot;
import vn.ocop.contracts.catalog.ProductUpdated;
import vn.ocop.contracts.catalog.ProductWithdrawn;
import vn.ocop.contracts.evaluation.CertificationExpired;
import vn.ocop.contracts.evaluation.CertificationRevoked;
import vn.ocop.contracts.evaluation.ProductCertified;

/** Certification events as evaluation-service would publish them, for products made up per test. */
public final class Certificates {

    private static final AtomicInteger NUMBER = new AtomicInteger(ThreadLocalHolder.start());

    private Certificates() {
    }

    public static ProductCertified teaFromThaiNguyen(int stars) {
        return certified(product("Chè Thái Nguyên Tân Cương", "Hợp tác xã Chè Tân Cương", 2, "2.2", "Thái Nguyên", 180_000, 50),
                stars, Instant.now());
    }

    public static ProductCertified honeyFromHaGiang(int stars) {
        return certified(product("Mật ong bạc hà Hà Giang", "Hợp tác xã Ong mật Quản Bạ", 1, "1.4", "Hà Giang", 320_000, 20),
                stars, Instant.now());
    }

    public static ProductSnapshot product(String name, String producer, int group, String subgroup, String province,
            long price, int minOrder) {
        return new ProductSnapshot(UUID.randomUUID(), UUID.randomUUID(), producer, name, group, subgroup, "Mô tả " + name,
                "Câu chuyện " + name, "hộp", price, minOrder, province, null);
    }

    public static ProductCertified certified(ProductSnapshot product, int stars, Instant at) {
        LocalDate from = LocalDate.now();
        return new ProductCertified(UUID.randomUUID(), at, "OCOP-2026-%06d".formatted(NUMBER.incrementAndGet()),
                UUID.randomUUID(), product.productId(), stars, stars * 18.0, "PROVINCE", from, from.plusMonths(36),
                "QD148-2023", product);
    }

    public static CertificationRevoked revoked(ProductCertified certificate, Instant at) {
        return new CertificationRevoked(UUID.randomUUID(), at, certificate.certificateNo(), certificate.productId(),
                "Vi phạm an toàn thực phẩm");
    }

    public static CertificationExpired expired(ProductCertified certificate, Instant at) {
        return new CertificationExpired(UUID.randomUUID(), at, certificate.certificateNo(), certificate.productId(),
                certificate.validUntil());
    }

    public static ProductUpdated priced(ProductSnapshot product, long price, int minOrder, Instant at) {
        ProductSnapshot changed = new ProductSnapshot(product.productId(), product.producerId(), product.producerName(),
                product.name(), product.group(), product.subgroup(), product.description(), product.story(), product.unit(),
                price, minOrder, product.originProvince(), product.originCommune());
        return new ProductUpdated(UUID.randomUUID(), at, product.productId(),
                java.util.List.of("wholesalePriceVnd", "minOrderQuantity"), changed);
    }

    public static ProductWithdrawn withdrawn(ProductSnapshot product, Instant at) {
        return new ProductWithdrawn(UUID.randomUUID(), at, product.productId(), product.producerId(), "Ngừng sản xuất");
    }

    /**
     * A word no other test uses, to find exactly this test's listings. Twelve random letters and
     * no common prefix: two such words share too few trigrams to pass for each other's typo (a
     * shared prefix of four letters already scores 0.44, above the 0.4 typo threshold).
     */
    public static String uniqueWord() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** The word with its seventh letter mistyped: still closer to it than to any other unique word. */
    public static String typo(String word) {
        char wrong = word.charAt(6) == 'x' ? 'y' : 'x';
        return word.substring(0, 6) + wrong + word.substring(7);
    }

    private static final class ThreadLocalHolder {
        static int start() {
            return (int) (System.nanoTime() % 500_000);
        }
    }
}
