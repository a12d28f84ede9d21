package vn.ocop.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import vn.ocop.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests test-support's JSON client does not make: dossier uploads as a browser form sends
 * them (multipart/form-data), binary downloads, and PATCH.
 */
public final class CatalogHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A download: status, headers and the bytes as served. */
    public record Download(int status, String contentType, String disposition, byte[] content) {
    }

    private final String base;

    private CatalogHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public static CatalogHttp at(int port) {
        return new CatalogHttp(port);
    }

    public Http.Response upload(String productId, String type, String fileName, byte[] content) {
        return put("/api/products/" + productId + "/documents/" + type, "file", fileName, content);
    }

    /** Sends a multipart body with one part of the given name. */
    public Http.Response put(String path, String partName, String fileName, byte[] content) {
        String boundary = "----ocop" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Http.Response putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Http.Response patch(String path, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Download download(String productId, String type) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/products/" + productId + "/documents/" + type)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a small PDF for every document type the dossier still misses, as a producer finishing it would. */
    public void completeDossier(Http http, String productId) {
        for (JsonNode type : http.get("/api/products/" + productId + "/dossier").at("/missing")) {
            Http.Response uploaded = upload(productId, type.asString(), type.asString().toLowerCase() + ".pdf", CatalogFixtures.PDF);
            assertThat(uploaded.status()).as(uploaded.body().toString()).isEqualTo(201);
        }
        assertThat(http.get("/api/products/" + productId + "/dossier").at("/complete").asBoolean()).isTrue();
    }

    private static Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.headers().map());
        }
        catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
