package vn.ocop.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retailer's or producer's own system on the loopback interface: it checks each request's
 * signature against the shared secret the way a receiver should (its own HMAC code, not the
 * service's), can fail a number of times or always, and records what it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received. */
    public record Received(Instant at, String signature, boolean signatureValid, String deliveryId, String timestamp,
            JsonNode body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private volatile String secret = "";

    private WebhookReceiver(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers 200 to everything. */
    public static WebhookReceiver accepting() throws IOException {
        return new WebhookReceiver(0);
    }

    /** Answers 503 to the first {@code failures} requests, then 200. */
    public static WebhookReceiver failing(int failures) throws IOException {
        return new WebhookReceiver(failures);
    }

    /** Answers 503 to every request: a receiver that is down. */
    public static WebhookReceiver down() throws IOException {
        return new WebhookReceiver(Integer.MAX_VALUE);
    }

    public WebhookReceiver expectingSecret(String secret) {
        this.secret = secret;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String signature = String.valueOf(exchange.getRequestHeaders().getFirst("X-OCOP-Signature"));
        boolean valid = signature.equals(expectedSignature(body));
        int status = !valid ? 401 : failuresLeft.getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0 ? 503 : 200;
        received.add(new Received(Instant.now(), signature, valid,
                String.valueOf(exchange.getRequestHeaders().getFirst("X-OCOP-Delivery")),
                String.valueOf(exchange.getRequestHeaders().getFirst("X-OCOP-Timestamp")),
                JSON.readTree(new String(body, StandardCharsets.UTF_8)), status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String expectedSignature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
