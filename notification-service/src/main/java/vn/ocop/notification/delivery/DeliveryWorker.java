package vn.ocop.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.ocop.notification.inbox.Inbox;
import vn.ocop.notification.inbox.InboxMessage;
import vn.ocop.notification.inbox.Rendered;
import vn.ocop.notification.inbox.Templates;
import vn.ocop.notification.recipient.Language;
import vn.ocop.notification.recipient.Recipient;

/**
 * Sends due deliveries, a bounded batch per pass. Several instances share the work: a pass claims
 * rows with {@code for update skip locked} and a lease, and sends outside any transaction.
 *
 * <p>No retry storm: a failing delivery waits an exponentially growing, jittered time; an endpoint
 * that is down rests likewise, and while it rests none of its deliveries is tried (they are not
 * even claimed), so a receiver coming back sees one request, not the whole backlog at once. Each
 * endpoint of a pass is served by its own virtual thread, so one slow receiver holds up no other.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final Inbox inbox;
    private final Templates templates;
    private final Senders senders;
    private final DeliveryProperties properties;
    private final Backoff backoff;

    DeliveryWorker(Deliveries deliveries, Inbox inbox, Templates templates, Senders senders,
            DeliveryProperties properties) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.templates = templates;
        this.senders = senders;
        this.properties = properties;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    }

    /** The two channels' senders, one collaborator. */
    @Component
    record Senders(EmailSender email, WebhookSender webhook) {
    }

    @Scheduled(fixedDelayString = "${ocop.notification.delivery.poll-interval:500ms}")
    void deliverDue() {
        List<Delivery> claimed;
        try {
            claimed = deliveries.claim(properties.batchSize(), properties.lease());
        }
        catch (RuntimeException e) {
            log.warn("Could not claim deliveries; next pass in {}", properties.pollInterval(), e);
            return;
        }
        if (claimed.isEmpty()) {
            return;
        }
        Map<String, List<Delivery>> byEndpoint = new LinkedHashMap<>();
        claimed.forEach(d -> byEndpoint.computeIfAbsent(d.endpoint(), e -> new ArrayList<>()).add(d));
        try (ExecutorService perEndpoint = Executors.newVirtualThreadPerTaskExecutor()) {
            byEndpoint.forEach((endpoint, due) -> perEndpoint.submit(() -> deliverTo(endpoint, due)));
        }
    }

    /** Sends one endpoint's deliveries in order; after the endpoint fails, the rest go back untried. */
    private void deliverTo(String endpoint, List<Delivery> due) {
        boolean endpointFailed = false;
        for (int i = 0; i < due.size(); i++) {
            if (endpointFailed) {
                deliveries.release(due.subList(i, due.size()));
                return;
            }
            try {
                endpointFailed = attempt(due.get(i));
            }
            catch (RuntimeException e) {
                // The row's lease runs out and a later pass takes it again.
                log.warn("Delivery {} could not be recorded", due.get(i).id(), e);
            }
        }
    }

    /** One attempt; true when it showed the endpoint to be down. */
    private boolean attempt(Delivery delivery) {
        long start = System.nanoTime();
        Outcome outcome = send(delivery);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (outcome.sent()) {
            deliveries.sent(delivery, outcome, millis);
            deliveries.endpointRecovered(delivery.endpoint());
            return false;
        }
        deliveries.failed(delivery, outcome, millis, properties.maxAttempts(), backoff.after(delivery.attempts() + 1));
        if (delivery.attempts() + 1 >= properties.maxAttempts()) {
            log.info("Delivery {} to {} given up after {} attempts: {}", delivery.id(), delivery.target(),
                    delivery.attempts() + 1, outcome.error());
        }
        if (!outcome.endpointDown()) {
            return false;
        }
        int failures = deliveries.endpointFailed(delivery.endpoint());
        deliveries.restEndpoint(delivery.endpoint(), backoff.after(failures));
        return true;
    }

    private Outcome send(Delivery delivery) {
        Optional<InboxMessage> message = inbox.find(delivery.messageId());
        if (message.isEmpty()) {
            return Outcome.refused(null, "the message no longer exists");
        }
        Recipient recipient = Recipient.parse(delivery.recipient(), "recipient");
        Language language = Language.of(delivery.language()).orElse(Language.DEFAULT);
        Rendered text = templates.render(recipient.audience(), message.get().kind(), message.get().facts(), language);
        return switch (delivery.channel()) {
            case EMAIL -> senders.email().send(delivery, message.get(), text);
            case WEBHOOK -> senders.webhook().send(delivery, message.get(), text);
        };
    }
}
