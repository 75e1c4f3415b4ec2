package dev.annals.bulk;

import static dev.annals.support.Api.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small story with every kind of field, and helpers to read JSON pages and NDJSON exports back. */
final class BulkStory {
    static final ObjectMapper JSON = new ObjectMapper();

    private BulkStory() {}

    /** Appends the story to {@code timeline}; returns the append's position. */
    static String append(String timeline) {
        Map<String, Object> awkward = Fixtures.statement("Hegseth: \"no comment\", then\nsilence");
        awkward.put("occurredAt", "2026-02-27T09:30:15.250+01:00");
        awkward.put("occurredAtPrecision", "second");
        awkward.put("summary", "=HYPERLINK(\"http://evil.example\") and, a comma");
        List<Map<String, Object>> events = new ArrayList<>(List.of(
                Fixtures.event(
                        "ultimatum-issued",
                        "Pentagon issues an ultimatum",
                        "2026-02-18T00:00:00-05:00",
                        "day",
                        List.of("us-dod"),
                        List.of("ultimatum"),
                        "Reuters",
                        Map.of("issuedBy", "us-dod", "issuedTo", List.of("anthropic"), "demand", "Renegotiate")),
                Fixtures.event(
                        "meeting-held",
                        "Amodei meets Hegseth at the White House",
                        "2026-02-01T00:00:00Z",
                        "month",
                        List.of("dario-amodei", "pete-hegseth"),
                        List.of("meeting"),
                        "The Verge",
                        Map.of("participants", List.of("dario-amodei", "pete-hegseth"))),
                Fixtures.event(
                        "terms-refused",
                        "Anthropic refuses the terms over surveillance red lines",
                        "2026-02-26T18:00:00-05:00",
                        "hour",
                        List.of("anthropic", "us-dod"),
                        List.of("red-lines", "surveillance"),
                        "The Verge",
                        Map.of("party", "anthropic", "counterparty", "us-dod", "refusedTerms", "Unrestricted use")),
                awkward));
        events.addAll(Fixtures.statements("statement", 4));
        return given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
    }

    /** Every event of the query, walking its JSON pages of {@code limit}. */
    static List<JsonNode> pages(String path, Map<String, ?> params, int limit) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(params).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page =
                    read(request.get(path).then().statusCode(200).extract().asString());
            page.get("items").forEach(events::add);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return events;
    }

    /** The events of an NDJSON body, one a line. */
    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> events = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                events.add(read(line));
            }
        }
        return events;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
