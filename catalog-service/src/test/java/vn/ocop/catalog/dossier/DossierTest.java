package vn.ocop.catalog.dossier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.catalog.CatalogFixtures;
import vn.ocop.catalog.CatalogHttp;
import vn.ocop.catalog.CatalogIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;

class DossierTest extends CatalogIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private int storedVersions(String productId, String type) {
        return jdbc.sql("select count(*) from dossier_document where product_id = ? and document_type = ?")
                .params(UUID.fromString(productId), type).query(Integer.class).single();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aNewProductsDossierSaysEveryRequiredDocumentIsMissing() {
        String productId = registerTea();

        Response dossier = http().get("/api/products/" + productId + "/dossier");

        assertThat(dossier.status()).isEqualTo(200);
        assertThat(dossier.text("/ruleSet")).isEqualTo("QD148-2023-2025");
        assertThat(dossier.at("/complete").asBoolean()).isFalse();
        assertThat(dossier.at("/documents").size()).isZero();
        assertThat(dossier.at("/missing").valueStream().map(n -> n.asString()).toList())
                .isEqualTo(dossier.at("/required").valueStream().map(n -> n.asString()).toList())
                .containsExactly("REGISTRATION_FORM", "BUSINESS_PLAN", "ORGANISATION_DESCRIPTION", "BUSINESS_REGISTRATION",
                        "FOOD_SAFETY_CERTIFICATE", "QUALITY_STANDARD", "RAW_MATERIAL_ORIGIN", "LABEL_AND_PACKAGING",
                        "PRODUCT_STORY");
    }

    @Test
    void tourismAsksForAnEnvironmentalPlanAndNoFoodSafetyCertificate() {
        Response producer = http().post("/api/producers", CatalogFixtures.cooperativeInThaiNguyen());
        Map<String, Object> homestay = CatalogFixtures.teaFromThaiNguyen(producer.text("/id"));
        homestay.put("name", "Homestay đồi chè Tân Cương");
        homestay.put("group", 6);
        homestay.put("subgroup", "6.1");
        homestay.put("unit", "khách/đêm");
        String productId = http().post("/api/products", homestay).text("/id");

        Response dossier = http().get("/api/products/" + productId + "/dossier");

        assertThat(dossier.at("/missing").valueStream().map(n -> n.asString()).toList())
                .contains("ENVIRONMENTAL_PLAN").doesNotContain("FOOD_SAFETY_CERTIFICATE", "RAW_MATERIAL_ORIGIN");
    }

    @Test
    void anUploadedDocumentIsStoredWithItsChecksumAndServedBackByteForByte() throws Exception {
        String productId = registerTea();

        Response uploaded = catalogHttp().upload(productId, "BUSINESS_REGISTRATION", "giấy đăng ký kinh doanh.pdf",
                CatalogFixtures.PDF);

        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.headers().get("location").getFirst())
                .endsWith("/api/products/" + productId + "/documents/BUSINESS_REGISTRATION");
        assertThat(uploaded.text("/contentType")).isEqualTo("application/pdf");
        assertThat(uploaded.at("/sizeBytes").asLong()).isEqualTo(CatalogFixtures.PDF.length);
        assertThat(uploaded.text("/sha256")).isEqualTo(sha256(CatalogFixtures.PDF));
        Response dossier = http().get("/api/products/" + productId + "/dossier");
        assertThat(dossier.at("/missing").valueStream().map(n -> n.asString())).doesNotContain("BUSINESS_REGISTRATION");
        assertThat(dossier.text("/documents/0/fileName")).isEqualTo("giấy đăng ký kinh doanh.pdf");

        CatalogHttp.Download download = catalogHttp().download(productId, "BUSINESS_REGISTRATION");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.content()).isEqualTo(CatalogFixtures.PDF);
        assertThat(download.disposition()).startsWith("attachment");
    }

    @Test
    void aNewVersionReplacesTheCurrentDocumentAndTheOldOneIsKept() throws Exception {
        String productId = registerTea();
        catalogHttp().upload(productId, "LABEL_AND_PACKAGING", "nhan.pdf", CatalogFixtures.PDF);

        Response replaced = catalogHttp().upload(productId, "LABEL_AND_PACKAGING", "nhan-moi.png", CatalogFixtures.PNG);

        assertThat(replaced.status()).isEqualTo(201);
        assertThat(catalogHttp().download(productId, "LABEL_AND_PACKAGING").content()).isEqualTo(CatalogFixtures.PNG);
        Response dossier = http().get("/api/products/" + productId + "/dossier");
        assertThat(dossier.at("/documents").size()).isEqualTo(1);
        assertThat(dossier.text("/documents/0/sha256")).isEqualTo(sha256(CatalogFixtures.PNG));
        assertThat(storedVersions(productId, "LABEL_AND_PACKAGING")).isEqualTo(2);
    }

    @Test
    void aRefusedUploadLeavesTheCurrentDocumentInPlace() {
        String productId = registerTea();
        catalogHttp().upload(productId, "QUALITY_STANDARD", "tieu-chuan.pdf", CatalogFixtures.PDF);

        Response text = catalogHttp().upload(productId, "QUALITY_STANDARD", "tieu-chuan.pdf",
                "Tiêu chuẩn cơ sở TCCS 01:2026".getBytes(StandardCharsets.UTF_8));
        Response disguised = catalogHttp().upload(productId, "QUALITY_STANDARD", "tieu-chuan.pdf", CatalogFixtures.PNG);
        Response empty = catalogHttp().upload(productId, "QUALITY_STANDARD", "tieu-chuan.pdf", new byte[0]);

        for (Response refused : java.util.List.of(text, disguised, empty)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("/errors").findValuesAsString("field")).containsExactly("file");
        }
        assertThat(disguised.text("/errors/0/message")).contains(".pdf").contains("image/png");
        assertThat(catalogHttp().download(productId, "QUALITY_STANDARD").content()).isEqualTo(CatalogFixtures.PDF);
        assertThat(storedVersions(productId, "QUALITY_STANDARD")).isEqualTo(1);
    }

    @Test
    void jpegAndPngAreAcceptedByTheirContentWhateverTheirName() {
        String productId = registerTea();

        Response jpeg = catalogHttp().upload(productId, "RAW_MATERIAL_ORIGIN", "ANH_VUON_CHE.JPG", CatalogFixtures.JPEG);
        Response png = catalogHttp().upload(productId, "TRADEMARK", "nhan-hieu", CatalogFixtures.PNG);

        assertThat(jpeg.status()).isEqualTo(201);
        assertThat(jpeg.text("/contentType")).isEqualTo("image/jpeg");
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.text("/contentType")).isEqualTo("image/png");
    }

    @Test
    void unknownTypesProductsAndMissingFilesAreRefused() {
        String productId = registerTea();

        Response unknownType = catalogHttp().upload(productId, "SELFIE", "anh.png", CatalogFixtures.PNG);
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.at("/errors").findValuesAsString("field")).containsExactly("type");
        assertThat(catalogHttp().download(productId, "SELFIE").status()).isEqualTo(400);
        assertThat(catalogHttp().upload(UUID.randomUUID().toString(), "TRADEMARK", "a.png", CatalogFixtures.PNG).status())
                .isEqualTo(404);
        assertThat(http().get("/api/products/" + UUID.randomUUID() + "/dossier").status()).isEqualTo(404);
        assertThat(catalogHttp().download(productId, "TRADEMARK").status()).isEqualTo(404);

        Response wrongPart = catalogHttp().put("/api/products/" + productId + "/documents/TRADEMARK", "document", "a.png",
                CatalogFixtures.PNG);
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.at("/errors").findValuesAsString("field")).containsExactly("file");
        Response json = catalogHttp().putJson("/api/products/" + productId + "/documents/TRADEMARK", "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(storedVersions(productId, "TRADEMARK")).isZero();
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedWithAProblem() {
        String productId = registerTea();
        byte[] large = Arrays.copyOf(CatalogFixtures.PDF, 10 * 1024 * 1024 + 64 * 1024);
        byte[] fits = Arrays.copyOf(CatalogFixtures.PDF, 3 * 1024 * 1024);

        Response tooLarge = catalogHttp().upload(productId, "BUSINESS_PLAN", "phuong-an.pdf", large);
        Response accepted = catalogHttp().upload(productId, "BUSINESS_PLAN", "phuong-an.pdf", fits);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.text("/detail")).contains("10 MB");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.at("/sizeBytes").asLong()).isEqualTo(fits.length);
        assertThat(storedVersions(productId, "BUSINESS_PLAN")).isEqualTo(1);
    }

    @Test
    void theDocumentTypesAreListedWithTheirNames() {
        Response types = http().get("/api/document-types");

        assertThat(types.body().size()).isEqualTo(12);
        assertThat(types.text("/0/code")).isEqualTo("REGISTRATION_FORM");
        assertThat(types.text("/0/nameVi")).isEqualTo("Phiếu đăng ký sản phẩm OCOP");
    }
}
