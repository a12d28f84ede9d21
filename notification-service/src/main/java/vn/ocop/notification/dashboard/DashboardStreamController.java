package vn.ocop.notification.dashboard;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.web.InvalidRequestException;

/**
 * The live dashboard: Server-Sent Events, one per event as it is applied ({@code id} = its number
 * in the event log, {@code event} = its CloudEvents type, {@code data} = what happened and how the
 * counters moved), heartbeat comments in between. A client that reconnects with
 * {@code Last-Event-ID} first gets what it missed, from the event log.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardStreamController {

    private final LiveHub hub;
    private final LiveFeed feed;
    private final JsonMapper json;
    private final StreamProperties properties;

    DashboardStreamController(LiveHub hub, LiveFeed feed, JsonMapper json, StreamProperties properties) {
        this.hub = hub;
        this.feed = feed;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) @Nullable String province,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) throws IOException {
        long lastSeen = lastSeen(lastEventId);
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        // Sent at once, so the client knows it is connected (and the response is committed) before any event.
        emitter.send(SseEmitter.event().reconnectTime(3_000).comment("connected"));
        LiveHub.Client client = hub.connect(new EmitterSink(emitter), province, lastSeen,
                after -> feed.after(after, province, properties.replayPage()));
        emitter.onCompletion(client::close);
        emitter.onTimeout(client::close);
        emitter.onError(e -> client.close());
        return emitter;
    }

    private static long lastSeen(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        }
        catch (NumberFormatException e) {
            throw new InvalidRequestException("Last-Event-ID", "Last-Event-ID must be the id of an event of this stream");
        }
    }

    /** Writes live messages to one SSE connection. */
    private final class EmitterSink implements LiveHub.Sink {

        private final SseEmitter emitter;

        EmitterSink(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void send(LiveMessage message) throws IOException {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(message.sequence()))
                    .name(message.type())
                    .data(json.writeValueAsString(message), MediaType.APPLICATION_JSON));
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }

        @Override
        public void close() {
            try {
                emitter.complete();
            }
            catch (IllegalStateException e) {
                // The connection already failed (the client went away); there is nothing left to complete.
            }
        }
    }
}
