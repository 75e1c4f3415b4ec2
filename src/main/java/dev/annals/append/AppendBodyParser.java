package dev.annals.append;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.annals.config.AppendConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reads an append body as a stream, one event at a time, so that a hostile body is refused before it is built:
 * more than max-events events (413), an event far larger than max-event-bytes (413), too deep, too long a string,
 * number or key, too many tokens, a duplicate key (400), all with Jackson's {@link StreamReadConstraints}.
 */
final class AppendBodyParser {
    /** A pretty-printed event may take more bytes than its compact JSON, whose size the validator checks exactly. */
    private static final int RAW_BYTES_PER_EVENT_BYTE = 4;

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final Limits limits;

    /** The limits of one body. */
    record Limits(
            int maxEvents,
            int maxEventBytes,
            int maxNestingDepth,
            int maxStringLength,
            int maxNumberLength,
            int maxNameLength,
            long maxTokens) {
        static Limits of(AppendConfig config) {
            AppendConfig.Json json = config.json();
            return new Limits(
                    config.maxEvents(),
                    config.maxEventBytes(),
                    json.maxNestingDepth(),
                    json.maxStringLength(),
                    json.maxNumberLength(),
                    json.maxNameLength(),
                    json.maxTokens());
        }
    }

    AppendBodyParser(ObjectMapper mapper, Limits limits) {
        this.mapper = mapper;
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxNameLength())
                        .maxTokenCount(limits.maxTokens())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The events of the body, each a JSON tree; a {@link ProblemException} for any broken limit. */
    ArrayNode parse(InputStream body) throws IOException {
        return parse(body, tokens -> {});
    }

    /**
     * As {@link #parse(InputStream)}, telling {@code onTokens} every {@value TokenCounting#CHUNK} tokens read, while
     * the trees are built: what a body costs in memory follows its tokens (nodes) more than its bytes.
     */
    ArrayNode parse(InputStream body, IntConsumer onTokens) throws IOException {
        ArrayNode events = mapper.createArrayNode();
        try (JsonParser parser = new TokenCounting(factory.createParser(body), onTokens)) {
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw ProblemType.INVALID_REQUEST.exception(
                            "The body must be a JSON array of events",
                            List.of(new FieldError(
                                    "", "type", "expected a JSON array of 1.." + limits.maxEvents() + " events")));
                }
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw malformed(parser, "Unexpected end of the body: the array is not closed");
                    }
                    if (events.size() == limits.maxEvents()) {
                        throw ProblemType.BATCH_TOO_LARGE.exception(
                                "More than " + limits.maxEvents() + " events sent, at most " + limits.maxEvents()
                                        + " per append",
                                List.of(new FieldError("", "maxItems", "at most " + limits.maxEvents() + " events")));
                    }
                    long start = parser.currentTokenLocation().getByteOffset();
                    JsonNode event = mapper.readTree(parser);
                    checkRawSize(events.size(), parser.currentLocation().getByteOffset() - start);
                    events.add(event);
                }
                if (parser.nextToken() != null) {
                    throw malformed(parser, "Unexpected content after the array of events");
                }
            } catch (StreamConstraintsException e) {
                throw constraint(e, parser, events.size());
            } catch (JsonProcessingException e) {
                throw invalid(e, parser);
            }
        }
        return events;
    }

    private void checkRawSize(int index, long bytes) {
        long max = (long) RAW_BYTES_PER_EVENT_BYTE * limits.maxEventBytes();
        if (bytes > max) {
            throw tooLarge(
                    index,
                    "the event takes " + bytes + " bytes in the body, at most " + limits.maxEventBytes()
                            + " bytes as compact JSON are accepted");
        }
    }

    private ProblemException constraint(StreamConstraintsException e, JsonParser parser, int index) {
        String message = String.valueOf(e.getOriginalMessage());
        String at = pointer(parser);
        if (message.startsWith("String value length")) {
            return limits.maxStringLength() >= limits.maxEventBytes()
                    ? tooLarge(
                            index,
                            "a string longer than " + limits.maxStringLength() + " characters at " + at
                                    + "; an event is at most " + limits.maxEventBytes() + " bytes as JSON")
                    : rule(at, "maxLength", "a string is longer than " + limits.maxStringLength() + " characters");
        }
        if (message.startsWith("Document nesting depth")) {
            return rule(at, "maxDepth", "arrays and objects nest deeper than " + limits.maxNestingDepth() + " levels");
        }
        if (message.startsWith("Number value length")) {
            return rule(at, "maxNumberLength", "a number is longer than " + limits.maxNumberLength() + " characters");
        }
        if (message.startsWith("Name length")) {
            return rule(at, "maxNameLength", "an object key is longer than " + limits.maxNameLength() + " characters");
        }
        if (message.startsWith("Token count")) {
            return rule("", "maxTokens", "the body has more than " + limits.maxTokens() + " JSON tokens");
        }
        return rule(at, "json", message);
    }

    private static ProblemException invalid(JsonProcessingException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            String key = parser.getParsingContext().getCurrentName();
            return ProblemType.INVALID_REQUEST.exception(
                    "Duplicate key '" + key + "' in one JSON object; nothing was stored",
                    List.of(new FieldError(pointer(parser), "duplicateKey", "the key '" + key + "' appears twice")));
        }
        return malformed(parser, e);
    }

    private static ProblemException malformed(JsonParser parser, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "The body is not well-formed JSON" + where(parser), List.of(new FieldError("", "json", message)));
    }

    private static ProblemException malformed(JsonParser parser, JsonProcessingException e) {
        return malformed(parser, e.getOriginalMessage());
    }

    private static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String pointer(JsonParser parser) {
        return parser.getParsingContext().pathAsPointer().toString();
    }

    private static ProblemException rule(String field, String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "The body breaks a limit of the JSON parser: " + message + "; nothing was stored",
                List.of(new FieldError(field, rule, message)));
    }

    private ProblemException tooLarge(int index, String message) {
        return ProblemType.EVENT_TOO_LARGE.exception(
                "Event " + index + " is too large; nothing was stored",
                List.of(new FieldError("/" + index, "maxBytes", message)));
    }
}
