package vn.ocop.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.notification.inbox.InboxMessage;
import vn.ocop.notification.inbox.Rendered;
import vn.ocop.notification.recipient.Recipient;
import vn.ocop.notification.recipient.RecipientChannels;
import vn.ocop.notification.recipient.WebhookAddresses;

/**
 * Posts a message as JSON to a recipient's own system, signed with its secret. Any 2xx answer is
 * success; a refused connection, a timeout, 429 or 5xx says the receiver is down. A host that
 * resolves to an internal address is not called ({@link WebhookAddresses}).
 */
@Component
class WebhookSender {

    static final String DELIVERY_HEADER = "X-OCOP-Delivery";
    static final String TIMESTAMP_HEADER = "X-OCOP-Timestamp";
    static final String ATTEMPT_HEADER = "X-OCOP-Attempt";

    private final HttpClient client;
    private final JsonMapper json;
    private final RecipientChannels channels;
    private final DeliveryProperties properties;
    private final WebhookAddresses addresses;

    WebhookSender(JsonMapper json, RecipientChannels channels, DeliveryProperties properties,
            WebhookAddresses addresses) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = json;
        this.channels = channels;
        this.properties = properties;
        this.addresses = addresses;
    }

    Outcome send(Delivery delivery, InboxMessage message, Rendered text) {
        Recipient recipient = Recipient.parse(delivery.recipient(), "recipient");
        String secret = channels.find(recipient).map(c -> c.webhookSecret()).orElse(null);
        if (secret == null) {
            return Outcome.refused(null, "the recipient has no webhook secret");
        }
        Instant now = Instant.now();
        byte[] body = json.writeValueAsBytes(body(delivery, message, text, now));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.target()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "OCOP-Connect-Webhooks/1")
                    .header(Signatures.HEADER, Signatures.sign(secret, body))
                    .header(DELIVERY_HEADER, delivery.id().toString())
                    .header(TIMESTAMP_HEADER, String.valueOf(now.getEpochSecond()))
                    .header(ATTEMPT_HEADER, String.valueOf(delivery.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }
        catch (IllegalArgumentException e) {
            return Outcome.refused(null, "not a usable URL: " + e.getMessage());
        }
        try {
            Optional<String> refusal = addresses.refusal(List.of(InetAddress.getAllByName(request.uri().getHost())));
            if (refusal.isPresent()) {
                return Outcome.refused(null, refusal.get());
            }
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.sent(status);
            }
            String error = "the receiver answered " + status;
            return status == 429 || status >= 500 ? Outcome.unavailable(status, error) : Outcome.refused(status, error);
        }
        catch (HttpTimeoutException e) {
            return Outcome.unavailable(null, "no answer within " + properties.requestTimeout().toMillis() + " ms");
        }
        catch (ConnectException e) {
            return Outcome.unavailable(null, "connection refused");
        }
        catch (UnknownHostException e) {
            return Outcome.unavailable(null, "unknown host " + request.uri().getHost());
        }
        catch (IOException e) {
            return Outcome.unavailable(null, "I/O error: " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unavailable(null, "interrupted");
        }
    }

    private static Map<String, Object> body(Delivery delivery, InboxMessage message, Rendered text, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", delivery.id().toString());
        body.put("messageId", message.id().toString());
        body.put("recipient", delivery.recipient());
        body.put("kind", message.kind().name());
        body.put("occurredAt", message.occurredAt().toString());
        body.put("sentAt", now.toString());
        body.put("language", text.language().code());
        body.put("title", text.title());
        body.put("body", text.body());
        body.put("facts", message.facts());
        return body;
    }
}
