package dev.annals.registry.upcast;

import static dev.annals.registry.upcast.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.annals.registry.upcast.InvalidUpcast.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpcastParseTest {
    /** The pointer and rule of every problem, as "pointer rule". */
    private static List<String> problems(JsonNode document) {
        InvalidUpcast invalid = assertThrows(InvalidUpcast.class, () -> Upcast.parse(document));
        return invalid.problems().stream()
                .map(problem -> problem.pointer() + " " + problem.rule())
                .toList();
    }

    private static List<String> problems(String document) {
        return problems(json(document));
    }

    @Test
    void absentDocumentIsNone() throws InvalidUpcast {
        assertSame(Upcast.NONE, Upcast.parse(null));
        assertSame(Upcast.NONE, Upcast.parse(MissingNode.getInstance()));
        assertSame(Upcast.NONE, Upcast.parse(json("null")));
        assertTrue(Upcast.parse(json("[]")).isEmpty());
        assertEquals(json("[]"), Upcast.NONE.operations());
    }

    @Test
    void validDocumentKeepsItsOperations() throws InvalidUpcast {
        JsonNode document = json("[{'op':'move','from':'/judge','path':'/presidingJudge'},"
                + "{'op':'test','path':'/n','value':null},{'op':'copy','from':'','path':'/copy'}]");
        Upcast upcast = Upcast.parse(document);
        assertEquals(false, upcast.isEmpty());
        assertEquals(document, upcast.operations());
        ((ArrayNode) document).removeAll();
        assertEquals(3, upcast.operations().size());
    }

    @Test
    void documentMustBeAnArray() {
        assertEquals(List.of(" type"), problems("{'op':'add','path':'/a','value':1}"));
    }

    @Test
    void operationMustBeAnObject() {
        assertEquals(List.of("/1 type"), problems("[{'op':'remove','path':'/a'},'remove /a']"));
    }

    @Test
    void opIsRequiredAndKnown() {
        assertEquals(List.of("/0/op required"), problems("[{'path':'/a'}]"));
        assertEquals(List.of("/0/op enum"), problems("[{'op':'rename','path':'/a'}]"));
        assertEquals(List.of("/0/op enum"), problems("[{'op':1,'path':'/a'}]"));
    }

    @Test
    void pathIsARequiredJsonPointerString() {
        assertEquals(List.of("/0/path required"), problems("[{'op':'remove'}]"));
        assertEquals(List.of("/0/path type"), problems("[{'op':'remove','path':3}]"));
        assertEquals(List.of("/0/path jsonPointer"), problems("[{'op':'remove','path':'a'}]"));
        assertEquals(List.of("/0/path jsonPointer"), problems("[{'op':'remove','path':'/a~2'}]"));
        assertEquals(List.of("/0/path jsonPointer"), problems("[{'op':'remove','path':'/a~'}]"));
    }

    @Test
    void fromIsRequiredForMoveAndCopy() {
        assertEquals(List.of("/0/from required"), problems("[{'op':'move','path':'/a'}]"));
        assertEquals(List.of("/0/from jsonPointer"), problems("[{'op':'copy','from':'b','path':'/a'}]"));
        assertEquals(List.of("/0/from type"), problems("[{'op':'copy','from':null,'path':'/a'}]"));
    }

    @Test
    void valueIsRequiredForAddReplaceAndTest() {
        assertEquals(
                List.of("/0/value required", "/1/value required", "/2/value required"),
                problems("[{'op':'add','path':'/a'},{'op':'replace','path':'/a'},{'op':'test','path':'/a'}]"));
    }

    @Test
    void unknownMembersAreRefused() {
        assertEquals(List.of("/0/why additionalProperties"), problems("[{'op':'remove','path':'/a','why':'x'}]"));
        assertEquals(List.of("/0/value additionalProperties"), problems("[{'op':'remove','path':'/a','value':1}]"));
        assertEquals(
                List.of("/0/from additionalProperties"), problems("[{'op':'add','path':'/a','from':'/b','value':1}]"));
        assertEquals(List.of("/0/a~1b~0c additionalProperties"), problems("[{'op':'remove','path':'/a','a/b~c':1}]"));
    }

    @Test
    void atMostOneHundredOperations() throws InvalidUpcast {
        ArrayNode document = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < UpcastParser.MAX_OPERATIONS; i++) {
            document.addObject().put("op", "remove").put("path", "/field" + i);
        }
        assertEquals(100, Upcast.parse(document).operations().size());
        document.addObject().put("op", "remove").put("path", "/one-too-many");
        assertEquals(List.of(" maxItems"), problems(document));
    }

    @Test
    void removingTheWholeDataIsRefused() {
        assertEquals(List.of("/0/path notRoot"), problems("[{'op':'remove','path':''}]"));
    }

    @Test
    void moveIntoItsOwnChildIsRefused() throws InvalidUpcast {
        assertEquals(List.of("/0/from notPrefixOfPath"), problems("[{'op':'move','from':'/a','path':'/a/b'}]"));
        Upcast.parse(json("[{'op':'move','from':'/a','path':'/a'},{'op':'move','from':'/a/b','path':'/a'}]"));
        Upcast.parse(json("[{'op':'move','from':'/a','path':'/ab'}]"));
    }

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        InvalidUpcast invalid = assertThrows(
                InvalidUpcast.class,
                () -> Upcast.parse(json("[{'op':'add','path':'x'},{'op':'remove','path':'/ok'},7,{'op':'jump'}]")));
        assertEquals(
                List.of(
                        new Problem(
                                "/0/path",
                                "jsonPointer",
                                invalid.problems().get(0).detail()),
                        new Problem("/0/value", "required", "'add' has a 'value'"),
                        new Problem("/2", "type", "an operation is an object, not number"),
                        new Problem("/3/op", "enum", invalid.problems().get(3).detail()),
                        new Problem("/3/path", "required", "the operation has a 'path'")),
                invalid.problems());
        assertTrue(invalid.getMessage().contains("'/3/op' enum"), invalid.getMessage());
    }
}
