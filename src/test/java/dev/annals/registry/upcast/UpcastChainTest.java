package dev.annals.registry.upcast;

import static dev.annals.registry.upcast.Json.fixture;
import static dev.annals.registry.upcast.Json.json;
import static dev.annals.registry.upcast.Json.upcast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The made-up type ruling-issued: v2 renames judge to presidingJudge, v3 renames court/chamber and adds defaults. */
class UpcastChainTest {
    private static final String TYPE = "ruling-issued/";

    private static UpcastStep step(int version) {
        try {
            return new UpcastStep(
                    version,
                    Upcast.parse(fixture(TYPE + "v" + version + "-upcast.json")),
                    fixture(TYPE + "v" + version + "-schema.json"));
        } catch (InvalidUpcast e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void fullV1EventReadsAsV3() {
        assertEquals(
                fixture(TYPE + "v3-full.json"),
                UpcastChain.apply(fixture(TYPE + "v1-full.json"), List.of(step(2), step(3))));
    }

    @Test
    void v1EventWithoutTheOptionalFieldsReadsAsV3() {
        assertEquals(
                fixture(TYPE + "v3-minimal.json"),
                UpcastChain.apply(fixture(TYPE + "v1-minimal.json"), List.of(step(2), step(3))));
    }

    @Test
    void v2EventOnlyTakesTheLastStep() {
        JsonNode v2 = json("{'caseNumber':'2024-CV-0300','outcome':'granted','presidingJudge':'R. Lind',"
                + "'court':{'name':'Harlow','chamber':'civil-1'}}");
        assertEquals(
                json(
                        "{'caseNumber':'2024-CV-0300','outcome':'granted','presidingJudge':'R. Lind',"
                                + "'court':{'name':'Harlow','division':'civil-1','level':'first-instance'},'appealable':false}"),
                UpcastChain.apply(v2, List.of(step(3))));
    }

    @Test
    void versionWithoutAnUpcastStillFillsDefaults() {
        UpcastStep noOperations = new UpcastStep(3, Upcast.NONE, fixture(TYPE + "v3-schema.json"));
        assertEquals(
                json("{'court':{'chamber':'c','level':'first-instance'},'appealable':false}"),
                UpcastChain.apply(json("{'court':{'chamber':'c'}}"), List.of(noOperations)));
    }

    @Test
    void inputIsNeverMutatedAndNoStepsGivesACopy() {
        JsonNode data = fixture(TYPE + "v1-full.json");
        UpcastChain.apply(data, List.of(step(2), step(3)));
        assertEquals(fixture(TYPE + "v1-full.json"), data);
        JsonNode same = UpcastChain.apply(data, List.of());
        assertEquals(data, same);
        assertNotSame(data, same);
    }

    @Test
    void stepsMustBeConsecutive() {
        assertThrows(IllegalArgumentException.class, () -> UpcastChain.apply(json("{}"), List.of(step(3), step(2))));
        UpcastStep four = new UpcastStep(4, Upcast.NONE, null);
        assertThrows(IllegalArgumentException.class, () -> UpcastChain.apply(json("{}"), List.of(step(2), four)));
        assertThrows(IllegalArgumentException.class, () -> new UpcastStep(1, Upcast.NONE, null));
    }

    @Test
    void failureNamesTheVersionAndOperation() {
        UpcastStep broken = new UpcastStep(
                3, upcast("[{'op':'remove','path':'/judge'},{'op':'add','path':'/court/level','value':1}]"), null);
        UpcastFailure failure = assertThrows(
                UpcastFailure.class, () -> UpcastChain.apply(json("{'court':'Harlow'}"), List.of(step(2), broken)));
        assertEquals(3, failure.version().orElseThrow());
        assertEquals(1, failure.operationIndex());
        assertEquals(true, failure.getMessage().startsWith("upcast to version 3, operation 1 "), failure.getMessage());
    }
}
