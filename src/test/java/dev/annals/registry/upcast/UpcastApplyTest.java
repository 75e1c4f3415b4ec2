package dev.annals.registry.upcast;

import static dev.annals.registry.upcast.Json.json;
import static dev.annals.registry.upcast.Json.upcast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class UpcastApplyTest {
    private static JsonNode run(String operations, String data) {
        return upcast(operations).apply(json(data), null);
    }

    @Test
    void moveRenamesAField() {
        JsonNode out = run(
                "[{'op':'move','from':'/judge','path':'/presidingJudge'}]",
                "{'judge':'A. Okafor','outcome':'granted'}");
        assertEquals(json("{'outcome':'granted','presidingJudge':'A. Okafor'}"), out);
    }

    @Test
    void renameOfAnAbsentOptionalFieldIsSkipped() {
        JsonNode out = run(
                "[{'op':'move','from':'/judge','path':'/presidingJudge'},{'op':'add','path':'/seen','value':true}]",
                "{'outcome':'granted'}");
        assertEquals(json("{'outcome':'granted','seen':true}"), out);
    }

    @Test
    void addPutsANewFieldWithItsValue() {
        JsonNode out = run("[{'op':'add','path':'/appealable','value':false}]", "{'outcome':'granted'}");
        assertEquals(json("{'outcome':'granted','appealable':false}"), out);
    }

    @Test
    void removeDropsAField() {
        JsonNode out = run("[{'op':'remove','path':'/clerk'}]", "{'outcome':'granted','clerk':'M. Vance'}");
        assertEquals(json("{'outcome':'granted'}"), out);
    }

    @Test
    void removeReplaceAndCopyOfAbsentLocationsAreSkipped() {
        JsonNode out = run(
                "[{'op':'remove','path':'/clerk'},{'op':'replace','path':'/court/name','value':'x'},"
                        + "{'op':'copy','from':'/parties/5','path':'/first'},{'op':'remove','path':'/parties/-'},"
                        + "{'op':'remove','path':'/note/text'}]",
                "{'parties':['a'],'note':null}");
        assertEquals(json("{'parties':['a'],'note':null}"), out);
    }

    @Test
    void addIntoAnAbsentOrNullContainerIsSkipped() {
        JsonNode out = run(
                "[{'op':'add','path':'/court/level','value':'appeal'},{'op':'add','path':'/venue/room','value':'4'}]",
                "{'venue':null}");
        assertEquals(json("{'venue':null}"), out);
    }

    @Test
    void nestedPathsAndArrayIndexes() {
        JsonNode out = run(
                "[{'op':'move','from':'/court/chamber','path':'/court/division'},"
                        + "{'op':'add','path':'/parties/1','value':'Intervener'},"
                        + "{'op':'add','path':'/parties/-','value':'Last'},"
                        + "{'op':'remove','path':'/parties/0'},"
                        + "{'op':'copy','from':'/parties/0','path':'/court/firstParty'},"
                        + "{'op':'replace','path':'/counts/0/n','value':2}]",
                "{'court':{'chamber':'civil-2'},'parties':['Meridian','Doyle'],'counts':[{'n':1}]}");
        assertEquals(
                json("{'court':{'division':'civil-2','firstParty':'Intervener'},"
                        + "'parties':['Intervener','Doyle','Last'],'counts':[{'n':2}]}"),
                out);
    }

    @Test
    void pointerTokensAreUnescaped() {
        JsonNode out = run("[{'op':'move','from':'/a~1b','path':'/c~0d'}]", "{'a/b':1}");
        assertEquals(json("{'c~d':1}"), out);
    }

    @Test
    void failingTestStopsTheRestOfTheUpcast() {
        String guarded = "[{'op':'add','path':'/checked','value':true},"
                + "{'op':'test','path':'/outcome','value':'dismissed'},"
                + "{'op':'replace','path':'/outcome','value':'dismissed-without-prejudice'},"
                + "{'op':'add','path':'/after','value':1}]";
        assertEquals(
                json("{'outcome':'granted','checked':true}"),
                upcast(guarded).apply(json("{'outcome':'granted'}"), null));
        assertEquals(json("{'checked':true}"), upcast(guarded).apply(json("{}"), null));
        assertEquals(
                json("{'outcome':'dismissed-without-prejudice','checked':true,'after':1}"),
                upcast(guarded).apply(json("{'outcome':'dismissed'}"), null));
    }

    @Test
    void testComparesNumbersByValue() {
        JsonNode out = run("[{'op':'test','path':'/n','value':1.0},{'op':'add','path':'/ok','value':true}]", "{'n':1}");
        assertEquals(json("{'n':1,'ok':true}"), out);
    }

    @Test
    void failingTestStillGetsTheDefaults() {
        JsonNode schema = json("{'required':['appealable'],'properties':{'appealable':{'default':false}}}");
        JsonNode out = upcast("[{'op':'test','path':'/x','value':1},{'op':'add','path':'/y','value':2}]")
                .apply(json("{}"), schema);
        assertEquals(json("{'appealable':false}"), out);
    }

    @Test
    void replaceAtTheRootReplacesTheData() {
        assertEquals(json("{'v':2}"), run("[{'op':'replace','path':'','value':{'v':2}}]", "{'v':1}"));
    }

    @Test
    void inputIsNeverMutated() {
        JsonNode data = json("{'judge':'A. Okafor','parties':['a','b'],'court':{'chamber':'c'}}");
        JsonNode before = data.deepCopy();
        upcast("[{'op':'move','from':'/judge','path':'/presidingJudge'},{'op':'remove','path':'/parties/0'},"
                        + "{'op':'replace','path':'/court/chamber','value':'d'}]")
                .apply(data, json("{'required':['x'],'properties':{'x':{'default':1}}}"));
        assertEquals(before, data);
    }

    @Test
    void defaultFillingNeverMutatesTheInputEvenWithoutOperationsApplied() {
        JsonNode schema = json("{'required':['x'],'properties':{'x':{'default':1}}}");
        JsonNode data = json("{'a':1}");
        assertEquals(json("{'a':1,'x':1}"), Upcast.NONE.apply(data, schema));
        assertEquals(
                json("{'a':1,'x':1}"), upcast("[{'op':'remove','path':'/b'}]").apply(data, schema));
        assertEquals(json("{'a':1}"), data);
    }

    @Test
    void theUpcastItselfIsNotChangedByWhatIsDoneToItsResult() {
        Upcast upcast = upcast("[{'op':'add','path':'/court','value':{'name':'Harlow'}}]");
        JsonNode schema = json(
                "{'properties':{'court':{'required':['level'],'properties':{'level':{'default':'first-instance'}}}}}");
        JsonNode first = upcast.apply(json("{}"), schema);
        ((ObjectNode) first.get("court")).put("name", "changed");
        assertEquals(json("[{'op':'add','path':'/court','value':{'name':'Harlow'}}]"), upcast.operations());
        assertEquals(json("{'court':{'name':'Harlow','level':'first-instance'}}"), upcast.apply(json("{}"), schema));
    }

    @Test
    void addBelowAStringFailsWithTheOperationIndex() {
        Upcast upcast = upcast("[{'op':'add','path':'/x','value':1},{'op':'add','path':'/a/b','value':1}]");
        UpcastFailure failure = assertThrows(UpcastFailure.class, () -> upcast.apply(json("{'a':'text'}"), null));
        assertEquals(1, failure.operationIndex());
        assertEquals(json("{'op':'add','path':'/a/b','value':1}"), failure.operation());
        assertEquals(false, failure.version().isPresent());
    }

    @Test
    void otherImpossibleOperationsFail() {
        assertFailsAt(0, "[{'op':'add','path':'/parties/5','value':'x'}]", "{'parties':['a']}");
        assertFailsAt(0, "[{'op':'remove','path':'/parties/first'}]", "{'parties':['a']}");
        assertFailsAt(1, "[{'op':'add','path':'/y','value':1},{'op':'move','from':'/x','path':'/z/x'}]", "{'x':1}");
        assertFailsAt(0, "[{'op':'test','path':'/n/deeper','value':1}]", "{'n':5}");
        assertFailsAt(0, "[{'op':'copy','from':'/n/0','path':'/m'}]", "{'n':true}");
    }

    private static void assertFailsAt(int index, String operations, String data) {
        Upcast upcast = upcast(operations);
        UpcastFailure failure = assertThrows(UpcastFailure.class, () -> upcast.apply(json(data), null), operations);
        assertEquals(index, failure.operationIndex(), operations);
    }
}
