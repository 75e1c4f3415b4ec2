package dev.annals.registry.upcast;

import static dev.annals.registry.upcast.Json.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class RequiredDefaultsTest {
    private static final JsonNode SCHEMA = json("{'type':'object','required':['outcome','appealable','court'],"
            + "'properties':{'outcome':{'type':'string'},'appealable':{'type':'boolean','default':false},"
            + "'note':{'type':'string','default':'none'},"
            + "'court':{'type':'object','required':['name','level'],'properties':{'name':{'type':'string'},"
            + "'level':{'default':'first-instance'},"
            + "'seat':{'type':'object','required':['city'],'properties':{'city':{'default':'Harlow'}}}}}}}");

    private static JsonNode fill(String data) {
        return Upcast.NONE.apply(json(data), SCHEMA);
    }

    @Test
    void missingRequiredTopLevelFieldGetsItsDefault() {
        assertEquals(json("{'outcome':'granted','appealable':false}"), fill("{'outcome':'granted'}"));
    }

    @Test
    void presentValuesAreNotOverwrittenEvenNull() {
        assertEquals(json("{'appealable':true}"), fill("{'appealable':true}"));
        assertEquals(json("{'appealable':null}"), fill("{'appealable':null}"));
    }

    @Test
    void optionalFieldsWithADefaultAreNotFilled() {
        assertEquals(false, fill("{}").has("note"));
    }

    @Test
    void requiredFieldWithoutADefaultStaysMissing() {
        assertEquals(false, fill("{}").has("outcome"));
    }

    @Test
    void nestedObjectsPresentInTheDataAreFilled() {
        assertEquals(
                json("{'appealable':false,'court':{'name':'X','level':'first-instance','seat':{'city':'Harlow'}}}"),
                fill("{'court':{'name':'X','seat':{}}}"));
        assertEquals(
                json("{'appealable':false,'court':{'level':'appeal','seat':{'city':'Dunmore'}}}"),
                fill("{'court':{'level':'appeal','seat':{'city':'Dunmore'}}}"));
    }

    @Test
    void absentOrNonObjectNestedValuesAreLeftAlone() {
        assertEquals(json("{'appealable':false}"), fill("{}"));
        assertEquals(json("{'appealable':false,'court':'Harlow'}"), fill("{'court':'Harlow'}"));
    }

    @Test
    void defaultsAreCopiesOfTheSchema() {
        JsonNode schema = json("{'required':['tags'],'properties':{'tags':{'default':['a']}}}");
        JsonNode first = Upcast.NONE.apply(json("{}"), schema);
        ((ArrayNode) first.get("tags")).add("b");
        assertEquals(json("['a']"), schema.at("/properties/tags/default"));
    }

    @Test
    void refIsNotResolved() {
        JsonNode schema = json("{'$defs':{'court':{'required':['level'],'properties':{'level':{'default':'x'}}}},"
                + "'properties':{'court':{'$ref':'#/$defs/court'}}}");
        assertEquals(json("{'court':{}}"), Upcast.NONE.apply(json("{'court':{}}"), schema));
    }

    @Test
    void noSchemaMeansNoFilling() {
        assertEquals(json("{'a':1}"), Upcast.NONE.apply(json("{'a':1}"), null));
    }
}
