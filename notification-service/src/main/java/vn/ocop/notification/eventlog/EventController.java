package vn.ocop.notification.eventlog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.web.Cursor;
import vn.ocop.web.Page;

/** The event log, newest first, for audit. */
@RestController
@RequestMapping("/api/events")
class EventController {

    record Filter(@Nullable String type, @Nullable String subject, @Nullable String province, @Nullable Instant from,
            @Nullable Instant to) {
    }

    private final EventLog log;

    EventController(EventLog log) {
        this.log = log;
    }

    @GetMapping
    Page<LoggedEvent> find(@RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Page.limit(limit);
        return Page.of(log.find(new Filter(type, subject, province, from, to), Cursor.decode(cursor), size), size,
                event -> new Cursor(event.time(), event.eventId()).encode());
    }
}
