package vn.ocop.notification.recipient;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;

/** A recipient registers where messages should also go: an e-mail address, a webhook of its own system, a language. */
@RestController
@RequestMapping("/api/recipients/{recipient}/channels")
class ChannelsController {

    record ChannelRequest(
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String webhookUrl,
            @Nullable @Size(min = 16, max = 200) String webhookSecret,
            @Nullable @Pattern(regexp = "vi|en", message = "must be vi or en") String language) {
    }

    /**
     * @param webhookSecret present only in the answer that generated it: keep it, it is not shown again
     * @param hasWebhookSecret whether bodies sent to the webhook are signed with a stored secret
     */
    record ChannelView(String recipient, @Nullable String email, @Nullable String webhookUrl,
            @Nullable String webhookSecret, boolean hasWebhookSecret, String language, Instant updatedAt) {

        static ChannelView of(Channels channels, boolean hasSecret) {
            return new ChannelView(channels.recipient().toString(), channels.email(), channels.webhookUrl(),
                    channels.webhookSecret(), hasSecret, channels.language().code(), channels.updatedAt());
        }
    }

    private final RecipientChannels channels;
    private final WebhookAddresses addresses;

    ChannelsController(RecipientChannels channels, WebhookAddresses addresses) {
        this.channels = channels;
        this.addresses = addresses;
    }

    /** Replaces the recipient's channels; a webhook without a secret gets one generated, returned once. */
    @PutMapping
    ChannelView put(@PathVariable String recipient, @Valid @RequestBody ChannelRequest request) {
        Recipient who = Recipient.parse(recipient, "recipient");
        if (request.webhookSecret() != null && request.webhookUrl() == null) {
            throw new InvalidRequestException("webhookSecret", "a webhook secret needs a webhookUrl");
        }
        String webhookUrl = blankToNull(request.webhookUrl());
        addresses.checkRegistered(webhookUrl);
        Language language = Language.of(request.language()).orElse(Language.DEFAULT);
        Channels saved = channels.put(who, blankToNull(request.email()), webhookUrl,
                request.webhookSecret(), language);
        boolean hasSecret = channels.find(who).map(c -> c.webhookSecret() != null).orElse(false);
        return ChannelView.of(saved, hasSecret);
    }

    @GetMapping
    ChannelView get(@PathVariable String recipient) {
        Recipient who = Recipient.parse(recipient, "recipient");
        Channels found = channels.find(who).orElseThrow(() -> new NotFoundException("channels of", who));
        return ChannelView.of(RecipientChannels.withoutSecret(found), found.webhookSecret() != null);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
