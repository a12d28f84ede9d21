package vn.ocop.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import vn.ocop.notification.recipient.Language;
import vn.ocop.notification.recipient.Recipient;
import vn.ocop.notification.recipient.RecipientChannels;
import vn.ocop.web.Cursor;
import vn.ocop.web.InvalidRequestException;
import vn.ocop.web.NotFoundException;
import vn.ocop.web.Page;

/** A recipient's inbox, newest first, in the reader's language. */
@RestController
@RequestMapping("/api/inbox")
class InboxController {

    /** A message as a reader sees it: its text and the facts it was written from. */
    record MessageView(UUID id, String recipient, MessageKind kind, String language, String title, String body,
            JsonNode facts, Instant occurredAt, boolean read, @Nullable Instant readAt) {
    }

    /** One page of an inbox, with how many messages are unread in all. */
    record InboxPage(List<MessageView> items, @Nullable String nextCursor, long unread) {
    }

    private final Inbox inbox;
    private final Templates templates;
    private final RecipientChannels channels;

    InboxController(Inbox inbox, Templates templates, RecipientChannels channels) {
        this.inbox = inbox;
        this.templates = templates;
        this.channels = channels;
    }

    /**
     * The language is {@code lang}, else the first of {@code Accept-Language} we write, else the
     * language the recipient registered, else Vietnamese.
     */
    @GetMapping
    InboxPage list(@RequestParam String recipient, @RequestParam(required = false) @Nullable String lang,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        Recipient who = Recipient.parse(recipient, "recipient");
        Language language = language(lang, acceptLanguage, who);
        int size = Page.limit(limit);
        Page<InboxMessage> page = Page.of(inbox.list(who, unread, Cursor.decode(cursor), size),
                size, message -> new Cursor(message.occurredAt(), message.id()).encode());
        return new InboxPage(page.items().stream().map(m -> view(m, who, language)).toList(), page.nextCursor(),
                inbox.unread(who));
    }

    @PostMapping("/{id}/read")
    MessageView read(@PathVariable UUID id, @RequestParam(required = false) @Nullable String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        InboxMessage message = inbox.markRead(id).orElseThrow(() -> new NotFoundException("message", id));
        Recipient who = Recipient.parse(message.recipient(), "recipient");
        return view(message, who, language(lang, acceptLanguage, who));
    }

    private Language language(@Nullable String lang, @Nullable String acceptLanguage, Recipient recipient) {
        if (lang != null) {
            return Language.of(lang).filter(l -> l.code().equals(lang.strip().toLowerCase()))
                    .orElseThrow(() -> new InvalidRequestException("lang", "lang must be vi or en"));
        }
        return Language.fromAcceptLanguage(acceptLanguage).orElseGet(() -> channels.languageOf(recipient));
    }

    private MessageView view(InboxMessage message, Recipient recipient, Language language) {
        Rendered text = templates.render(recipient.audience(), message.kind(), message.facts(), language);
        return new MessageView(message.id(), message.recipient(), message.kind(), language.code(), text.title(),
                text.body(), message.facts(), message.occurredAt(), message.readAt() != null, message.readAt());
    }
}
