package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each limit of the streaming append-body parser, with the problem it answers. */
class AppendBodyParserTest {
    private static final AppendBodyParser.Limits LIMITS =
            new AppendBodyParser.Limits(1000, 262_144, 64, 262_144, 100, 1000, 1_000_000);
    private static final AppendBodyParser PARSER = new AppendBodyParser(new ObjectMapper(), LIMITS);

    /** Counts what the parser reads, to show it stops early. */
    private static final class Counting extends ByteArrayInputStream {
        Counting(byte[] bytes) {
            super(bytes);
        }

        int consumed() {
            return pos;
        }
    }

    private static ArrayNode parse(String body) throws IOException {
        return PARSER.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Problem rejected(String body) {
        return assertThrows(ProblemException.class, () -> parse(body)).problem();
    }

    private static FieldError only(Problem problem) {
        assertEquals(1, problem.errors().size(), problem.errors().toString());
        return problem.errors().get(0);
    }

    @Test
    void readsAnArrayOfEvents() throws IOException {
        ArrayNode events = parse("[{\"title\": \"a\"}, {\"title\": \"b\", \"data\": {\"n\": [1, 2.5]}}]");
        assertEquals(2, events.size());
        assertEquals("b", events.get(1).get("title").asText());
    }

    @Test
    void moreEventsThanTheLimitStopTheParserAtTheFirstOneTooMany() throws IOException {
        String element = "{},";
        byte[] body = ("[" + element.repeat(2_000_000) + "{}]").getBytes(StandardCharsets.UTF_8);
        Counting in = new Counting(body);
        Problem problem =
                assertThrows(ProblemException.class, () -> PARSER.parse(in)).problem();
        assertEquals(413, problem.status());
        assertEquals(
                "https://annals.dev/problems/batch-too-large", problem.type().toString());
        assertEquals(new FieldError("", "maxItems", "at most 1000 events"), only(problem));
        assertTrue(in.consumed() < 64 * 1024, "stopped after " + in.consumed() + " of " + body.length + " bytes");
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        assertEquals(1000, parse("[" + "{},".repeat(999) + "{}]").size());
    }

    @Test
    void aDuplicateKeyIsRejectedNamingTheKey() {
        Problem problem = rejected("[{\"title\": \"a\"}, {\"title\": \"first\", \"title\": \"second\"}]");
        assertEquals(400, problem.status());
        FieldError error = only(problem);
        assertEquals("/1/title", error.pointer());
        assertEquals("duplicateKey", error.rule());
        assertTrue(problem.detail().contains("'title'"), problem.detail());
    }

    @Test
    void aDuplicateKeyInNestedDataIsRejectedToo() {
        FieldError error = only(rejected("[{\"data\": {\"quote\": 1, \"quote\": 2}}]"));
        assertEquals("/0/data/quote", error.pointer());
        assertEquals("duplicateKey", error.rule());
    }

    @Test
    void deepNestingIsRejected() {
        String body = "[{\"data\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}]";
        Problem problem = rejected(body);
        assertEquals(400, problem.status());
        assertEquals("maxDepth", only(problem).rule());
        assertTrue(
                only(problem).pointer().startsWith("/0/data/0/0"), only(problem).pointer());
    }

    @Test
    void aHugeStringMakesTheEventTooLarge() {
        Problem problem = rejected("[{}, {\"title\": \"" + "x".repeat(1_000_000) + "\"}]");
        assertEquals(413, problem.status());
        assertEquals(
                "https://annals.dev/problems/event-too-large", problem.type().toString());
        assertEquals("/1", only(problem).pointer());
        assertEquals("maxBytes", only(problem).rule());
    }

    @Test
    void aHugeNumberIsRejected() {
        Problem problem = rejected("[{\"data\": {\"n\": " + "9".repeat(5000) + "}}]");
        assertEquals(400, problem.status());
        assertEquals("maxNumberLength", only(problem).rule());
        assertEquals("/0/data/n", only(problem).pointer());
        Problem decimal = rejected("[{\"data\": {\"n\": 0." + "1".repeat(500) + "}}]");
        assertEquals("maxNumberLength", only(decimal).rule());
        // digits past the string limit are buffered no further: the event is too large
        assertEquals(
                413,
                rejected("[{\"data\": {\"n\": " + "9".repeat(1_000_000) + "}}]").status());
    }

    @Test
    void aHugeKeyIsRejected() {
        Problem problem = rejected("[{\"" + "k".repeat(5000) + "\": 1}]");
        assertEquals(400, problem.status());
        assertEquals("maxNameLength", only(problem).rule());
    }

    @Test
    void tooManyTokensAreRejected() {
        AppendBodyParser tight = new AppendBodyParser(
                new ObjectMapper(), new AppendBodyParser.Limits(1000, 262_144, 64, 262_144, 100, 1000, 1000));
        Problem problem = assertThrows(
                        ProblemException.class,
                        () -> tight.parse(stream("[{\"data\": {\"n\": [" + "0,".repeat(2000) + "0]}}]")))
                .problem();
        assertEquals(400, problem.status());
        assertEquals("maxTokens", only(problem).rule());
    }

    @Test
    void anEventFarLargerThanTheLimitInTheBodyIsTooLarge() {
        // many strings, each within the string limit, together far past the event limit
        String big = "\"" + "y".repeat(200_000) + "\"";
        Problem problem = rejected("[{\"data\": {\"a\": [" + (big + ",").repeat(6) + big + "]}}]");
        assertEquals(413, problem.status());
        assertEquals("/0", only(problem).pointer());
        assertEquals("maxBytes", only(problem).rule());
    }

    @Test
    void notAnArrayEmptyTrailingAndMalformedBodies() {
        assertEquals("type", only(rejected("{\"title\": \"x\"}")).rule());
        assertEquals("type", only(rejected("")).rule());
        assertEquals("json", only(rejected("[{}] [{}]")).rule());
        Problem malformed = rejected("[{\"type\": ");
        assertEquals(400, malformed.status());
        assertEquals("json", only(malformed).rule());
        assertTrue(malformed.detail().startsWith("The body is not well-formed JSON"), malformed.detail());
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
