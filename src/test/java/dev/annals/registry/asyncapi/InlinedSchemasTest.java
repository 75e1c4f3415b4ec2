package dev.annals.registry.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InlinedSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AT = "/components/messages/ruling.v1/payload/schema/allOf/1/properties/data";

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void dropsIdAndSchemaAndMakesPointerReferencesAbsolute() throws Exception {
        JsonNode schema = json("{'$schema':'https://json-schema.org/draft/2020-12/schema','$id':'https://x/v1.json',"
                + "'type':'object','properties':{'judge':{'$ref':'#/$defs/name'},'self':{'$ref':'#'}},"
                + "'$defs':{'name':{'type':'string'}}}");
        JsonNode inlined = InlinedSchemas.inline(schema, AT);
        assertFalse(inlined.has("$id"));
        assertFalse(inlined.has("$schema"));
        assertEquals(
                "#" + AT + "/$defs/name", inlined.at("/properties/judge/$ref").asText());
        assertEquals("#" + AT, inlined.at("/properties/self/$ref").asText());
        assertEquals("https://x/v1.json", schema.get("$id").asText(), "the registered schema is left alone");
    }

    @Test
    void resolvesAnchorsToTheirPointer() throws Exception {
        JsonNode schema = json("{'type':'object','properties':{'a':{'$ref':'#judge'}},"
                + "'$defs':{'j':{'$anchor':'judge','type':'string'}}}");
        JsonNode inlined = InlinedSchemas.inline(schema, AT);
        assertEquals("#" + AT + "/$defs/j", inlined.at("/properties/a/$ref").asText());
    }

    @Test
    void anEmbeddedResourceIsTheBaseOfItsOwnReferences() throws Exception {
        JsonNode schema = json("{'type':'object','properties':{'court':{'$id':'court.json','type':'object',"
                + "'properties':{'room':{'$ref':'#/$defs/room'}},'$defs':{'room':{'type':'string'}}}}}");
        JsonNode inlined = InlinedSchemas.inline(schema, AT);
        assertEquals(
                "#" + AT + "/properties/court/$defs/room",
                inlined.at("/properties/court/properties/room/$ref").asText());
        assertFalse(inlined.at("/properties/court").has("$id"));
    }

    @Test
    void propertyNamesAndInstancesAreNotKeywords() throws Exception {
        JsonNode schema = json("{'type':'object','properties':{'$id':{'type':'string','const':{'$ref':'#/x'}},"
                + "'$ref':{'type':'string','default':'#/y'}}}");
        JsonNode inlined = InlinedSchemas.inline(schema, AT);
        assertEquals("string", inlined.at("/properties/$id/type").asText(), "a property named $id stays");
        assertEquals("#/x", inlined.at("/properties/$id/const/$ref").asText(), "a const is data");
        assertEquals("#/y", inlined.at("/properties/$ref/default").asText());
    }

    @Test
    void tokensEscapeTildeAndSlash() {
        assertEquals("a~0b~1c", InlinedSchemas.token("a~b/c"));
    }
}
