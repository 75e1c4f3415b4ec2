package dev.annals.registry.asyncapi;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** GET /v1/asyncapi: every registered type and version as a message, valid for the AsyncAPI parser. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class AsyncApiLiveTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CONTRACTS = Path.of(".ci", "contracts");
    private static final Path PARSER = CONTRACTS.resolve("node_modules/@asyncapi/parser/package.json");
    private static final Path SCRIPT = CONTRACTS.resolve("validate-asyncapi-file.mjs");

    @ConfigProperty(name = "annals.cloudevents.dataschema-base")
    String dataschemaBase;

    @Test
    void servesEveryVersionOfEveryTypeAndTheAsyncApiParserAcceptsIt() throws Exception {
        String type = "hearing-" + UUID.randomUUID().toString().substring(0, 8);
        register(type, LiveTypes.v1(), 201);
        register(type, LiveTypes.v2(), 201);

        Response first = given().get("/v1/asyncapi");
        first.then().statusCode(200).contentType(ContentType.JSON);
        JsonNode document = MAPPER.readTree(first.asString());
        assertEquals("3.0.0", document.path("asyncapi").asText());

        JsonNode messages = document.path("components").path("messages");
        for (int n = 1; n <= 2; n++) {
            JsonNode message = messages.path(type + ".v" + n);
            assertTrue(message.isObject(), type + ".v" + n + " is missing");
            assertEquals(
                    dataschemaBase + "/v1/event-types/" + type + "/versions/" + n,
                    message.at("/headers/allOf/1/properties/ce_dataschema/const")
                            .asText());
            assertEquals(
                    "dev.annals." + type,
                    message.at("/headers/allOf/1/properties/ce_type/const").asText());
            JsonNode own = message.at("/payload/schema/allOf/1/properties");
            assertEquals(type, own.at("/type/const").asText());
            assertEquals(n, own.at("/typeVersion/const").asInt());
            assertFalse(own.path("data").has("$id"));
            assertFalse(own.path("data").has("$schema"));
        }
        JsonNode v1Data = messages.at("/" + type + ".v1/payload/schema/allOf/1/properties/data");
        JsonNode v2Data = messages.at("/" + type + ".v2/payload/schema/allOf/1/properties/data");
        assertTrue(v1Data.at("/properties/judge").isObject());
        assertTrue(v1Data.at("/properties/room").isMissingNode(), "room is new in v2");
        assertEquals(
                "#/components/messages/" + type + ".v2/payload/schema/allOf/1/properties/data/$defs/name",
                v2Data.at("/properties/room/$ref").asText());

        JsonNode builtIn = messages.path("terms-refused.v1");
        assertEquals(
                dataschemaBase + "/v1/event-types/terms-refused/versions/1",
                builtIn.at("/headers/allOf/1/properties/ce_dataschema/const").asText());
        assertTrue(builtIn.at("/payload/schema/allOf/1/properties/data/properties/refusedTerms")
                .isObject());
        assertEquals(
                "#/components/schemas/publishedEvent",
                builtIn.at("/payload/schema/allOf/0/$ref").asText());

        List<String> channel = new ArrayList<>();
        document.at("/channels/annalsEvents/messages").fieldNames().forEachRemaining(channel::add);
        assertEquals(
                channel.stream().sorted(AsyncApiLiveTest::byTypeThenVersion).toList(), channel, "ordered");
        assertEquals(
                channel.size(),
                document.at("/operations/receiveTimelineEvents/messages").size());

        String tag = first.header("ETag");
        Response second = given().get("/v1/asyncapi");
        assertEquals(first.asString(), second.asString(), "the same registry gives the same document");
        assertEquals(tag, second.header("ETag"));
        given().header("If-None-Match", tag).get("/v1/asyncapi").then().statusCode(304);

        validateWithTheAsyncApiParser(first.asString());
    }

    @Test
    void aDeprecatedTypeKeepsItsMessagesMarkedDeprecated() throws Exception {
        String type = "hearing-" + UUID.randomUUID().toString().substring(0, 8);
        register(type, LiveTypes.v1(), 201);
        given().delete("/v1/event-types/{t}", type).then().statusCode(200);
        JsonNode message =
                MAPPER.readTree(given().get("/v1/asyncapi").asString()).at("/components/messages/" + type + ".v1");
        assertTrue(message.path("description").asText().startsWith("**Deprecated**"), message.toString());
    }

    @Test
    void aCallerWithoutATokenIsRefused() {
        dev.annals.support.Api.anonymous().get("/v1/asyncapi").then().statusCode(401);
    }

    private static void register(String type, Map<String, Object> definition, int status) {
        given().contentType(ContentType.JSON)
                .body(definition)
                .put("/v1/event-types/{t}", type)
                .then()
                .statusCode(status);
    }

    private static int byTypeThenVersion(String a, String b) {
        int dot = a.lastIndexOf(".v");
        int other = b.lastIndexOf(".v");
        int byType = a.substring(0, dot).compareTo(b.substring(0, other));
        return byType != 0
                ? byType
                : Integer.compare(Integer.parseInt(a.substring(dot + 2)), Integer.parseInt(b.substring(other + 2)));
    }

    /**
     * Runs node on the contracts script. Without node or the parser the test fails where the contract tools are
     * required ({@code ANNALS_CONTRACT_TOOLS=required}, set by .ci/run, which installs them first), and is
     * aborted with the reason elsewhere: README promises that a JDK is all a developer's test run needs.
     */
    private static void validateWithTheAsyncApiParser(String document) throws Exception {
        Path file = Path.of("target", "asyncapi-live.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);
        if (!Files.exists(PARSER)) {
            toolMissing("@asyncapi/parser is not installed: run `npm ci` in .ci/contracts (missing " + PARSER + ")");
            return;
        }
        Process node;
        try {
            node = new ProcessBuilder("node", SCRIPT.toString(), file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            toolMissing("node is not installed (needed to validate the AsyncAPI document): " + e.getMessage());
            return;
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "the AsyncAPI document of " + file + " is invalid:\n" + output);
    }

    private static void toolMissing(String reason) {
        if ("required".equals(System.getenv("ANNALS_CONTRACT_TOOLS"))) {
            fail(reason);
        }
        Assumptions.abort(reason + "; the document is in target/asyncapi-live.json");
    }
}
