package dev.annals.devrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads the demo through the public API, idempotently: registers every pack under {@code packs/} with the admin
 * token (PUT, 201 the first time, 200 after), then appends every storyline under {@code seed/} with the writer
 * token (201, replayed after the first time), each into the timeline its file is named after, with its title from
 * {@code seed/metadata/} when there.
 */
final class DemoSeeder {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final DevCredentials credentials;
    private final Consumer<String> log;

    DemoSeeder(HttpClient http, String baseUrl, DevCredentials credentials, Consumer<String> log) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.log = log;
    }

    void registerPacks(Path packsRoot) throws IOException, InterruptedException {
        for (Path pack : PackFiles.packs(packsRoot)) {
            for (PackType type : PackFiles.read(pack)) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/event-types/" + type.type()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + credentials.token("admin"))
                        .PUT(HttpRequest.BodyPublishers.ofString(type.definition()))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                log.accept("pack " + pack.getFileName() + ": event type '" + type.type() + "' -> HTTP "
                        + response.statusCode() + " " + registered(response));
            }
        }
    }

    /** The timelines loaded, in file-name order. */
    List<String> loadStorylines(Path seedDir) throws IOException, InterruptedException {
        if (!Files.isDirectory(seedDir)) {
            log.accept("no seed directory " + seedDir + ", nothing to load");
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(seedDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        List<String> timelines = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String timelineId = name.substring(0, name.length() - ".json".length());
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(baseUrl + "/v1/timelines/" + timelineId + "/events"))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + credentials.token("writer"))
                    .POST(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String verdict;
            if (response.statusCode() == 201) {
                timelines.add(timelineId);
                boolean replayed = response.headers()
                        .firstValue("Idempotent-Replayed")
                        .map("true"::equals)
                        .orElse(false);
                verdict = "ok" + (replayed ? " (already loaded, replayed)" : "");
            } else {
                verdict = "UNEXPECTED (201 expected): " + abbreviate(response.body());
            }
            log.accept("seed " + name + " -> timeline '" + timelineId + "': HTTP " + response.statusCode() + " "
                    + verdict);
            describe(seedDir.resolve("metadata").resolve(name), timelineId);
        }
        return timelines;
    }

    /** PUTs the timeline's title, description and tags from {@code seed/metadata/<timeline>.json}, when there. */
    private void describe(Path file, String timelineId) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v1/timelines/" + timelineId + "/metadata"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + credentials.token("writer"))
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        log.accept("seed metadata/" + file.getFileName() + " -> timeline '" + timelineId + "': HTTP "
                + response.statusCode()
                + (response.statusCode() == 200 ? " ok" : " UNEXPECTED: " + abbreviate(response.body())));
    }

    private static String registered(HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 201 -> "registered, version " + latestVersion(response.body());
            case 200 -> "already registered, version " + latestVersion(response.body());
            default -> "UNEXPECTED (201 or 200 expected): " + abbreviate(response.body());
        };
    }

    private static String latestVersion(String body) {
        try {
            return MAPPER.readTree(body).path("latestVersion").asText("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
