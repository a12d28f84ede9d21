package vn.ocop.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client as a browser's EventSource would be: it reads the stream on a
 * thread of its own and keeps the events and comments it saw.
 */
public final class SseClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event of the stream. */
    public record Event(String id, String name, JsonNode data) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final int status;
    private final Map<String, List<String>> headers;
    private final Thread reader;

    private SseClient(URI uri, @Nullable String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        headers = response.headers().map();
        reader = Thread.ofVirtual().start(() -> read(response.body()));
    }

    public static SseClient connect(int port, String path, @Nullable String lastEventId) {
        try {
            return new SseClient(URI.create("http://localhost:" + port + path), lastEventId);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return headers.getOrDefault("content-type", List.of("")).getFirst();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    private void read(Stream<String> lines) {
        String id = "";
        String name = "message";
        List<String> data = new ArrayList<>();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, JSON.readTree(String.join("\n", data))));
                    }
                    name = "message";
                    data.clear();
                }
                else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                }
                else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
                else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
        }
        catch (RuntimeException e) {
            // The stream was closed.
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        client.shutdownNow();
        try {
            reader.join(Duration.ofSeconds(2));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
