package dev.annals.registry.compat;

import static dev.annals.registry.compat.Schemas.found;
import static dev.annals.registry.compat.Schemas.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole schemas: nested changes, several at once, and the sentences a 409 shows. */
class BackwardCompatibilityTest {
    private static final String STATED = """
            {'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',
             'properties':{
               'party':{'type':'string','pattern':'^[a-z0-9-]+$'},
               'redLines':{'type':'array','maxItems':10,'items':{'type':'object',
                 'properties':{'text':{'type':'string','maxLength':300},'since':{'type':'string','format':'date'},
                   'kind':{'enum':['surveillance','weapons','other']}},
                 'required':['text'],'additionalProperties':false}}},
             'required':['party'],'additionalProperties':false}
            """;

    private static ObjectNode stated() {
        return (ObjectNode) json(STATED);
    }

    private static ObjectNode item(ObjectNode schema) {
        return (ObjectNode) schema.at("/properties/redLines/items");
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertEquals(List.of(), BackwardCompatibility.check(stated(), stated()));
    }

    @Test
    void aPropertyOfAnArrayItemIsComparedAtItsOwnPointer() {
        ObjectNode next = stated();
        ((ObjectNode) item(next).get("properties")).remove("since");
        item(next).withArray("required").add("kind");

        assertEquals(
                List.of(
                        "/properties/redLines/items/properties/since propertyRemoved",
                        "/properties/redLines/items/required requiredAdded"),
                found(stated(), next));
    }

    @Test
    void severalChangesAreReportedTogetherInDocumentOrder() {
        ObjectNode next = stated();
        next.with("properties").with("party").put("pattern", "^[a-z]+$");
        next.with("properties").with("redLines").put("maxItems", 5);
        item(next).with("properties").with("text").put("minLength", 1);
        item(next).with("properties").with("kind").putArray("enum").add("other");
        next.with("properties").putObject("note").put("type", "string");
        next.withArray("required").add("note");

        assertEquals(
                List.of(
                        "/properties/party/pattern patternChanged",
                        "/properties/redLines/maxItems constraintTightened",
                        "/properties/redLines/items/properties/text/minLength constraintTightened",
                        "/properties/redLines/items/properties/kind/enum enumValueRemoved",
                        "/properties/redLines/items/properties/kind/enum enumValueRemoved",
                        "/required requiredAdded"),
                found(stated(), next));
    }

    @Test
    void detailsNameTheFieldAndTheOldAndNewValue() {
        ObjectNode next = stated();
        next.with("properties").with("redLines").put("maxItems", 5);
        item(next).with("properties").with("kind").putArray("enum").add("other").add("weapons");
        item(next).with("properties").with("since").put("type", "integer");

        assertEquals(
                List.of(
                        new BreakingChange(
                                "/properties/redLines/maxItems",
                                "constraintTightened",
                                "maxItems of 'redLines' lowered from 10 to 5"),
                        new BreakingChange(
                                "/properties/redLines/items/properties/since/type",
                                "typeNarrowed",
                                "type of 'redLines[].since' narrowed from \"string\" to \"integer\""
                                        + " (no longer allowed: string)"),
                        new BreakingChange(
                                "/properties/redLines/items/properties/kind/enum",
                                "enumValueRemoved",
                                "enum value \"surveillance\" removed from 'redLines[].kind'"
                                        + " (was [\"surveillance\",\"weapons\",\"other\"], now [\"other\",\"weapons\"])")),
                BackwardCompatibility.check(stated(), next));
    }

    @Test
    void aRemovedPropertyAndANewRequirementSayWhatBreaks() {
        ObjectNode next = stated();
        next.with("properties").remove("party");
        item(next).withArray("required").add("since");

        List<String> details = BackwardCompatibility.check(stated(), next).stream()
                .map(BreakingChange::detail)
                .toList();

        assertEquals(
                List.of(
                        "property 'party' removed",
                        "property 'redLines[].since' is now required and its schema has no default:"
                                + " old data without it is rejected"),
                details);
    }

    @Test
    void aNewRequiredPropertyWithADefaultIsCompatibleButWithoutOneIsNot() {
        ObjectNode withDefault = stated();
        withDefault.with("properties").putObject("note").put("type", "string").put("default", "");
        withDefault.withArray("required").add("note");
        ObjectNode withoutDefault = withDefault.deepCopy();
        withoutDefault.with("properties").with("note").remove("default");

        assertEquals(List.of(), found(stated(), withDefault));
        assertEquals(List.of("/required requiredAdded"), found(stated(), withoutDefault));
    }

    @Test
    void anOpenModelThatGainsAPropertyBreaksAndAClosedOneDoesNot() {
        ObjectNode open = stated();
        open.remove("additionalProperties");
        ObjectNode added = open.deepCopy();
        added.with("properties").putObject("note").put("type", "string");

        assertEquals(List.of("/properties/note propertyAddedToOpenModel"), found(open, added));
        ObjectNode closedAdded = stated();
        closedAdded.with("properties").putObject("note").put("type", "string");
        assertEquals(List.of(), found(stated(), closedAdded));
    }

    @Test
    void aBooleanSubschemaClosesOnlyFromTrue() {
        ObjectNode next = stated();
        item(next).with("properties").put("since", false);
        ObjectNode reopened = stated();
        item(reopened).with("properties").put("since", true);

        assertEquals(List.of("/properties/redLines/items/properties/since schemaClosed"), found(stated(), next));
        assertEquals(List.of(), found(next, reopened));
    }

    @Test
    void theResultCannotBeChanged() {
        List<BreakingChange> changes = BackwardCompatibility.check(json("{}"), json("{'type':'string'}"));
        assertEquals(1, changes.size());
        assertThrows(UnsupportedOperationException.class, () -> changes.add(changes.get(0)));
    }

    @Test
    void onlySchemasAreCompared() {
        JsonNode schema = json("{}");
        assertThrows(IllegalArgumentException.class, () -> BackwardCompatibility.check(json("[]"), schema));
        assertThrows(IllegalArgumentException.class, () -> BackwardCompatibility.check(schema, json("1")));
        assertThrows(NullPointerException.class, () -> BackwardCompatibility.check(null, schema));
    }
}
