package vn.ocop.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.notification.recipient.Recipient;
import vn.ocop.web.Cursor;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.Page;

/** The delivery log of a recipient: every e-mail and webhook, with each attempt. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

    record DeliveryView(UUID id, UUID messageId, String recipient, Channel channel, String target, String status,
            int attempts, @Nullable Instant nextAttemptAt, @Nullable String lastError, Instant createdAt,
            @Nullable Instant finishedAt, List<Deliveries.Attempt> log) {
    }

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Page<DeliveryView> list(@RequestParam String recipient, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Recipient who = Recipient.parse(recipient, "recipient");
        if (status != null && !List.of("PENDING", "SENT", "FAILED").contains(status)) {
            throw new InvalidRequestException("status", "status must be PENDING, SENT or FAILED");
        }
        int size = Page.limit(limit);
        Page<Delivery> page = Page.of(deliveries.forRecipient(who.toString(), status, Cursor.decode(cursor), size),
                size, d -> new Cursor(d.createdAt(), d.id()).encode());
        return new Page<>(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    private DeliveryView view(Delivery d) {
        return new DeliveryView(d.id(), d.messageId(), d.recipient(), d.channel(), d.target(), d.status(), d.attempts(),
                d.status().equals("PENDING") ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(), d.finishedAt(),
                deliveries.attempts(d.id()));
    }
}
