package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Api;
import dev.annals.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How the hostile-input tests send requests and read answers; one place to add a header (e.g. a bearer token). */
final class HostileHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The name of a field error's location ({@code field} today, RFC 9457's {@code pointer} soon). */
    /** Where an RFC 9457 field error points: into the body, at a parameter, or at a header. */
    static final List<String> LOCATIONS = List.of("pointer", "parameter", "header");

    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat (java|dev|io|org|com)\\.|\\b(java|javax|jakarta|sun|com\\.fasterxml|org\\.jboss"
                    + "|io\\.quarkus|io\\.vertx|org\\.postgresql|dev\\.annals)\\.[a-zA-Z]");

    private HostileHttp() {}

    /** An answer, whichever client sent the request. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + abbreviated(body), e);
            }
        }
    }

    /** Every request of the tests starts here: a caller with every role, unless a case sends its own token. */
    static RequestSpecification api() {
        return Api.given().urlEncodingEnabled(true);
    }

    /** As {@link #api()} with this bearer token instead. */
    static RequestSpecification api(String token) {
        return Api.as(token).urlEncodingEnabled(true);
    }

    /** As {@link #api()} for a path whose percent-encoding is sent as written. */
    static RequestSpecification rawPath() {
        return api().urlEncodingEnabled(false);
    }

    static Answer answer(Response response) {
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    /** The request through the JDK client (HTTP/1.1), e.g. for a chunked body. */
    static Answer jdk(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new AssertionError("no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static HttpRequest.Builder jdkRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestTokens.all());
    }

    /** A body sent chunked (no Content-Length). */
    static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** Writes {@code head} (request line and headers, CRLF-separated, without the blank line) and a body as is. */
    static Answer raw(String head, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = head + "\r\nAuthorization: Bearer " + TestTokens.all()
                + "\r\nHost: localhost\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            List<String> headers = new ArrayList<>(List.of(lines));
            for (String line : headers) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            String content = end < 0 ? "" : text.substring(end + 4);
            if (headers.stream().anyMatch(h -> h.toLowerCase().startsWith("transfer-encoding: chunked"))) {
                content = content.substring(content.indexOf("\r\n") + 2, content.lastIndexOf("\r\n0\r\n"));
            }
            return new Answer(status, type, content);
        } catch (IOException e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    /** Status, problem+json shape, type slug, rule (if given) and no stack trace or Java class name. */
    static void assertProblem(String name, Answer answer, int status, String slug, String rule) {
        String body = abbreviated(answer.body());
        assertEquals(status, answer.status(), name + ": " + body);
        assertTrue(
                answer.contentType() != null && answer.contentType().startsWith("application/problem+json"),
                name + ": content type " + answer.contentType() + " " + body);
        JsonNode problem = answer.json();
        assertEquals("https://annals.dev/problems/" + slug, problem.path("type").asText(), name + ": " + body);
        assertFalse(problem.path("title").asText().isBlank(), name + ": title");
        assertEquals(status, problem.path("status").asInt(), name + ": status member");
        assertFalse(LEAK.matcher(answer.body()).find(), name + " leaks internals: " + body);
        if (rule != null) {
            List<String> rules = new ArrayList<>();
            problem.path("errors").forEach(e -> rules.add(e.path("rule").asText()));
            assertTrue(rules.contains(rule), name + ": rule " + rule + " in " + body);
            problem.path("errors")
                    .forEach(e -> assertTrue(LOCATIONS.stream().anyMatch(e::has), name + ": location of " + e));
        }
    }

    /** A 2xx JSON answer (not a problem), for hostile values a filter must treat as plain text. */
    static void assertOk(String name, Answer answer, int status) {
        assertEquals(status, answer.status(), name + ": " + abbreviated(answer.body()));
        assertTrue(answer.contentType().startsWith("application/json"), name + ": " + answer.contentType());
        answer.json();
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
