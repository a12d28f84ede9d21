package vn.ocop.notification.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.notification.recipient.Recipient;
import vn.ocop.notification.recipient.RecipientChannels;
import vn.ocop.notification.recipient.WebhookAddresses;
import vn.ocop.web.Cursor;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

/** Retailers' subscriptions to new supply. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    record NewSubscription(
            @NotNull UUID retailerId,
            @Nullable @Min(1) @Max(6) Integer group,
            @Nullable @Size(min = 1, max = 100) String province,
            @Nullable @Min(1) @Max(5) Integer minStars,
            @Nullable @Size(min = 1, max = 200) String query,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String webhookUrl) {
    }

    /**
     * @param webhookSecret the retailer's webhook secret, present only when this subscription's
     *        webhook made us generate it: keep it, it is not shown again
     */
    record Created(UUID id, UUID retailerId, @Nullable Integer group, @Nullable String province,
            @Nullable Integer minStars, @Nullable String query, @Nullable String email, @Nullable String webhookUrl,
            Instant createdAt, @Nullable String webhookSecret) {
    }

    private final Subscriptions subscriptions;
    private final RecipientChannels channels;
    private final WebhookAddresses addresses;
    private final Clock clock;

    SubscriptionController(Subscriptions subscriptions, RecipientChannels channels, WebhookAddresses addresses,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.addresses = addresses;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    ResponseEntity<Created> subscribe(@Valid @RequestBody NewSubscription request) {
        String webhookUrl = strip(request.webhookUrl());
        addresses.checkRegistered(webhookUrl);
        Subscription s = new Subscription(UUID.randomUUID(), request.retailerId(), request.group(),
                strip(request.province()), request.minStars(), strip(request.query()), strip(request.email()),
                webhookUrl, clock.instant());
        subscriptions.insert(s);
        String secret = s.webhookUrl() == null ? null
                : channels.ensureWebhookSecret(Recipient.retailer(s.retailerId())).orElse(null);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + s.id()))
                .body(new Created(s.id(), s.retailerId(), s.group(), s.province(), s.minStars(), s.query(), s.email(),
                        s.webhookUrl(), s.createdAt(), secret));
    }

    @GetMapping
    Page<Subscription> list(@RequestParam UUID retailerId, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(subscriptions.forRetailer(retailerId, Cursor.decode(cursor), size), size,
                s -> new Cursor(s.createdAt(), s.id()).encode());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> unsubscribe(@PathVariable UUID id) {
        if (!subscriptions.delete(id)) {
            throw new NotFoundException("subscription", id);
        }
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
