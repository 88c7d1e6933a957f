package org.almoner.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running platform's API over real HTTP, signed in as one account (or none). */
public final class Api {

    public static final String PASSWORD = "test-password-123";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String username;
    private final String reason;
    private final String idempotencyKey;

    private Api(int port, String username, String reason, String idempotencyKey) {
        this.port = port;
        this.username = username;
        this.reason = reason;
        this.idempotencyKey = idempotencyKey;
    }

    public static Api as(int port, String username) {
        return new Api(port, username, null, null);
    }

    public static Api anonymous(int port) {
        return new Api(port, null, null, null);
    }

    /** The same caller, saying why they open a record outside their caseload. */
    public Api withReason(String why) {
        return new Api(port, username, why, idempotencyKey);
    }

    /** The same caller, sending an Idempotency-Key header. */
    public Api withKey(String key) {
        return new Api(port, username, reason, key);
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    /** Sends a request body already encoded (a multipart form, say) with its content type. */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return sendBuilt(request);
    }

    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (reason != null) {
            request.header("X-Access-Reason", reason);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String text = body == null ? null : body instanceof String string ? string : JSON.writeValueAsString(body);
        if (text == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return sendBuilt(request);
    }

    private Response sendBuilt(HttpRequest.Builder request) {
        if (username != null && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (idempotencyKey != null && request.build().headers().firstValue("Idempotency-Key").isEmpty()) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").orElse(""), response.headers().firstValue("Retry-After").orElse(""));
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** An answer from the API; {@code retryAfter} is the Retry-After header of a "busy" answer, or empty. */
    public record Response(int status, String body, String contentType, String replayed, String retryAfter) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.readTree("null") : JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
