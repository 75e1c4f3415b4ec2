package dev.annals.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.FieldError;
import dev.annals.event.JsonSchemas;
import dev.annals.http.ETags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes a document a usable data schema, and what refuses it, with the pointer and rule. */
class DataSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<FieldError> problems(String json) throws Exception {
        return DataSchemas.problems("/schema", MAPPER.readTree(json));
    }

    private static boolean has(List<FieldError> problems, String pointer, String rule) {
        return problems.stream()
                .anyMatch(p -> p.pointer().equals(pointer) && p.rule().equals(rule));
    }

    @Test
    void anObjectSchemaWithLocalReferencesIsAccepted() throws Exception {
        assertEquals(List.of(), problems("""
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                         "properties": {"a": {"$ref": "#/$defs/slug"}, "b": {"const": {"$ref": "http://x"}}},
                         "$defs": {"slug": {"type": "string", "pattern": "^[a-z]+$"}}}"""));
    }

    @Test
    void remoteAndRelativeReferencesAreRefusedWhereTheyAre() throws Exception {
        List<FieldError> problems = problems("""
                {"type": "object", "properties": {
                   "a": {"$ref": "https://evil.example/s.json"},
                   "b": {"items": {"$ref": "other.json#/x"}},
                   "c~d": {"$dynamicRef": "classpath:application.properties"}}}""");
        assertTrue(has(problems, "/schema/properties/a/$ref", "localReference"), problems.toString());
        assertTrue(has(problems, "/schema/properties/b/items/$ref", "localReference"), problems.toString());
        assertTrue(has(problems, "/schema/properties/c~0d/$dynamicRef", "localReference"), problems.toString());
    }

    @Test
    void otherDialectsNonObjectsAndInvalidSchemasAreRefused() throws Exception {
        assertTrue(has(
                problems("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\"}"),
                "/schema/$schema",
                "dialect"));
        assertTrue(has(problems("{\"type\": \"string\"}"), "/schema/type", "const"));
        assertTrue(has(problems("[1]"), "/schema", "type"));
        List<FieldError> invalid = problems("{\"type\": \"object\", \"properties\": {\"a\": {\"minLength\": -1}}}");
        assertTrue(invalid.stream().anyMatch(p -> p.rule().equals("metaSchema")), invalid.toString());
        assertTrue(has(
                problems("{\"type\": \"object\", \"$vocabulary\": {\"https://x\": true}}"),
                "/schema/$vocabulary",
                "vocabulary"));
    }

    @Test
    void aCompiledSchemaReportsInstanceErrorsAtTheirPointer() throws Exception {
        JsonNode schema = MAPPER.readTree(
                "{\"type\": \"object\", \"required\": [\"a\"], \"properties\": {\"b\": {\"type\": \"integer\"}}}");
        List<FieldError> errors =
                JsonSchemas.errors("/0/data", DataSchemas.compile(schema).validate(MAPPER.readTree("{\"b\": \"x\"}")));
        assertTrue(errors.stream()
                .anyMatch(e -> e.pointer().equals("/0/data/a") && e.rule().equals("required")));
        assertTrue(errors.stream()
                .anyMatch(e -> e.pointer().equals("/0/data/b") && e.rule().equals("type")));
    }

    @Test
    void theDefinitionHashIgnoresKeyOrderButNotContent() throws Exception {
        JsonNode one = MAPPER.readTree("{\"type\": \"object\", \"properties\": {\"a\": {}, \"b\": {}}}");
        JsonNode same = MAPPER.readTree("{\"properties\": {\"b\": {}, \"a\": {}}, \"type\": \"object\"}");
        JsonNode other = MAPPER.readTree("{\"type\": \"object\", \"properties\": {\"a\": {}}}");
        JsonNode none = MAPPER.readTree("[]");
        assertEquals(DefinitionCheck.hash(one, none, null), DefinitionCheck.hash(same, none, null));
        assertTrue(!DefinitionCheck.hash(one, none, null).equals(DefinitionCheck.hash(other, none, null)));
        assertTrue(!DefinitionCheck.hash(one, none, null)
                .equals(DefinitionCheck.hash(one, MAPPER.readTree("[{}]"), null)));
    }

    @Test
    void typeNamesAreSlugsAndStrongTagsMatchOnlyThemselves() {
        assertTrue(TypeNames.isValid("ruling-issued"));
        assertTrue(!TypeNames.isValid("Ruling") && !TypeNames.isValid("-x") && !TypeNames.isValid("a".repeat(101)));
        var tag = StrongTags.of("{\"type\":\"object\"}");
        assertTrue(ETags.noneMatchHits("\"" + tag.getValue() + "\"", tag));
        assertTrue(ETags.noneMatchHits("\"other\", W/\"" + tag.getValue() + "\"", tag));
        assertTrue(ETags.noneMatchHits("*", tag));
        assertTrue(!ETags.noneMatchHits("\"" + StrongTags.of("{}").getValue() + "\"", tag));
        assertTrue(!ETags.noneMatchHits(null, tag));
    }

    @Test
    void aPropertyNamedLikeAKeywordIsStillASchemaAndNestedIdsAreRefused() throws Exception {
        List<FieldError> problems = problems("""
                {"type": "object", "properties": {
                   "default": {"$ref": "classpath:application.properties"},
                   "enum": {"$id": "classpath:x.json", "type": "string"}},
                 "$defs": {"examples": {"$ref": "resource:/x"}}}""");
        assertTrue(has(problems, "/schema/properties/default/$ref", "localReference"), problems.toString());
        assertTrue(has(problems, "/schema/properties/enum/$id", "rootId"), problems.toString());
        assertTrue(has(problems, "/schema/$defs/examples/$ref", "localReference"), problems.toString());
    }

    @Test
    void patternsRunInLinearTimeAndThoseThatNeedBacktrackingAreRefused() throws Exception {
        assertTrue(has(
                problems("{\"type\": \"object\", \"properties\": {\"a\": {\"pattern\": \"^(a)\\\\1$\"}}}"),
                "/schema/properties/a/pattern",
                "pattern"));
        assertTrue(has(
                problems("{\"type\": \"object\", \"patternProperties\": {\"^(?=x)\": {}}}"),
                "/schema/patternProperties/^(?=x)",
                "pattern"));
        JsonNode schema = MAPPER.readTree("""
                {"type": "object", "properties": {
                   "slug": {"$ref": "#/$defs/slug"}, "evil": {"type": "string", "pattern": "^(a|a)*$"}},
                 "$defs": {"slug": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,9}$"}}}""");
        assertEquals(List.of(), problems(schema.toString()));
        var validator = DataSchemas.compile(schema);
        assertTrue(
                validator.validate(MAPPER.readTree("{\"slug\": \"ana-reyes\"}")).isEmpty());
        assertEquals(
                1, validator.validate(MAPPER.readTree("{\"slug\": \"Ana\"}")).size());
        assertEquals(
                1, validator.validate(MAPPER.readTree("{\"slug\": \"ana\\n\"}")).size(), "$ is the end");
        // exponential for a backtracking engine, linear for RE2: this returns at once
        String attack = "a".repeat(50_000) + "!";
        assertEquals(
                1,
                validator
                        .validate(MAPPER.readTree("{\"evil\": \"" + attack + "\"}"))
                        .size());
    }
}
