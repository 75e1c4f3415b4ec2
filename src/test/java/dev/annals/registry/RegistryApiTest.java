package dev.annals.registry;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Api;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry over HTTP: register, version, refuse what breaks, deprecate; through real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RegistryApiTest {

    static Response put(String type, Object definition) {
        return given().contentType(ContentType.JSON).body(definition).put("/v1/event-types/{t}", type);
    }

    @Test
    void theBuiltInPackIsRegisteredAsVersionOne() {
        given().queryParam("limit", 500)
                .get("/v1/event-types")
                .then()
                .statusCode(200)
                .body("items.type", hasItems("terms-refused", "ultimatum-issued", "transition-committed"));
        given().get("/v1/event-types/terms-refused")
                .then()
                .statusCode(200)
                .body("latestVersion", equalTo(1))
                .body("versions", hasSize(1))
                .body("versions[0].schema", equalTo("/v1/event-types/terms-refused/versions/1"))
                .body("schema.title", equalTo("Terms refused"))
                .body("examples", hasSize(1));
    }

    @Test
    void aVersionIsImmutableCacheableAndHasAStrongETag() {
        Response first = given().get("/v1/event-types/terms-refused/versions/1");
        first.then()
                .statusCode(200)
                .header("Cache-Control", containsString("immutable"))
                .body("$id", equalTo("https://annals.dev/schemas/event-types/terms-refused/v1.json"));
        String tag = first.header("ETag");
        assertEquals('"', tag.charAt(0), "a strong tag: " + tag);
        given().header("If-None-Match", tag)
                .get("/v1/event-types/terms-refused/versions/1")
                .then()
                .statusCode(304);
        given().get("/v1/event-types/terms-refused/versions/2").then().statusCode(404);
        given().get("/v1/event-types/terms-refused/versions/0").then().statusCode(400);
    }

    @Test
    void registersAVersionOnceAndTheSameBodyAgainIsANoOp() {
        String type = RulingTypes.freshName();
        put(type, RulingTypes.v1())
                .then()
                .statusCode(201)
                .header("Location", endsWith("/v1/event-types/" + type + "/versions/1"))
                .body("latestVersion", equalTo(1))
                .body("deprecated", equalTo(false));
        put(type, RulingTypes.v1()).then().statusCode(200).body("latestVersion", equalTo(1));
        Map<String, Object> renamed = RulingTypes.v1();
        renamed.put("title", "Ruling handed down");
        put(type, renamed)
                .then()
                .statusCode(200)
                .body("latestVersion", equalTo(1))
                .body("title", equalTo("Ruling handed down"));
        put(type, RulingTypes.v2())
                .then()
                .statusCode(201)
                .header("Location", endsWith("/versions/2"))
                .body("latestVersion", equalTo(2))
                .body("versions.version", equalTo(List.of(1, 2)));
        given().queryParam("limit", 500)
                .get("/v1/event-types")
                .then()
                .body("items.find { it.type == '" + type + "' }.latestVersion", equalTo(2));
    }

    @Test
    void aBreakingChangeIsRefusedNamingEachChangeAndNothingIsRegistered() {
        String type = RulingTypes.freshName();
        put(type, RulingTypes.v1()).then().statusCode(201);
        put(type, RulingTypes.v2WithoutJudge())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://annals.dev/problems/incompatible-schema"))
                .body("errors.pointer", hasItem("/schema/properties/judge"))
                .body("errors.rule", hasItem("propertyRemoved"));
        given().get("/v1/event-types/{t}", type).then().body("latestVersion", equalTo(1));
    }

    @Test
    void aBreakingChangeWithAnUpcastThatProvesItselfIsAccepted() {
        String type = RulingTypes.freshName();
        put(type, RulingTypes.v1()).then().statusCode(201);
        put(type, RulingTypes.v2()).then().statusCode(201);
        put(type, RulingTypes.v3())
                .then()
                .statusCode(201)
                .body("latestVersion", equalTo(3))
                .body("versions[2].upcast[0].op", equalTo("move"));
        Map<String, Object> wrongUpcast = RulingTypes.v3();
        wrongUpcast.put("upcast", List.of(Map.of("op", "remove", "path", "/judge")));
        wrongUpcast.put("description", "A different definition");
        String other = RulingTypes.freshName();
        put(other, RulingTypes.v1()).then().statusCode(201);
        put(other, wrongUpcast)
                .then()
                .statusCode(409)
                .body("errors.rule", hasItem("upcastExample"))
                .body("errors.pointer", hasItem("/upcast"));
    }

    @Test
    void anInvalidDefinitionIsRefusedWithTheFieldAndTheRule() {
        String type = RulingTypes.freshName();
        Map<String, Object> badSchema = RulingTypes.v1();
        badSchema.put("schema", Map.of("type", "object", "properties", Map.of("judge", Map.of("minLength", -1))));
        badSchema.put("examples", List.of());
        put(type, badSchema).then().statusCode(422).body("errors.rule", hasItem("metaSchema"));

        Map<String, Object> remote = RulingTypes.v1();
        remote.put(
                "schema",
                Map.of("type", "object", "properties", Map.of("judge", Map.of("$ref", "https://evil.example/x.json"))));
        remote.put("examples", List.of());
        put(type, remote)
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItem("/schema/properties/judge/$ref"))
                .body("errors.rule", hasItem("localReference"));

        Map<String, Object> badExample = RulingTypes.v1();
        badExample.put("examples", List.of(Map.of("judge", "ana-reyes", "outcome", "maybe")));
        put(type, badExample).then().statusCode(422).body("errors.pointer", hasItem("/examples/0/outcome"));

        Map<String, Object> firstUpcast = RulingTypes.v1();
        firstUpcast.put("upcast", List.of(Map.of("op", "remove", "path", "/judge")));
        put(type, firstUpcast).then().statusCode(422).body("errors.rule", hasItem("firstVersion"));

        Map<String, Object> noTitle = RulingTypes.v1();
        noTitle.remove("title");
        put(type, noTitle).then().statusCode(400).body("errors.pointer", hasItem("/title"));
        put("Not A Slug", RulingTypes.v1()).then().statusCode(400).body("errors.parameter", hasItem("type"));

        given().get("/v1/event-types/{t}", type).then().statusCode(404);
    }

    @Test
    void onlyAdminsRegisterAndDeprecate() {
        String type = RulingTypes.freshName();
        Api.as(TestTokens.withGroups("writer"))
                .contentType(ContentType.JSON)
                .body(RulingTypes.v1())
                .put("/v1/event-types/{t}", type)
                .then()
                .statusCode(403);
        Api.as(TestTokens.withGroups("writer"))
                .delete("/v1/event-types/terms-refused")
                .then()
                .statusCode(403);
        given().get("/v1/event-types/{t}", type).then().statusCode(404);
    }

    @Test
    void aDeprecatedTypeTakesNoNewEventsAndItsNameIsNotReused() {
        String type = RulingTypes.freshName();
        put(type, RulingTypes.v1()).then().statusCode(201);
        given().delete("/v1/event-types/{t}", type)
                .then()
                .statusCode(200)
                .body("deprecated", equalTo(true))
                .body("deprecatedAt", notNullValue());
        given().delete("/v1/event-types/{t}", type).then().statusCode(200);
        put(type, RulingTypes.v2())
                .then()
                .statusCode(409)
                .body("type", equalTo("https://annals.dev/problems/event-type-deprecated"));
        given().delete("/v1/event-types/{t}", RulingTypes.freshName()).then().statusCode(404);
        given().get("/v1/event-types/{t}", type).then().statusCode(200).body("deprecatedAt", notNullValue());
        given().get("/v1/event-types/{t}/versions/1", type)
                .then()
                .statusCode(200)
                .body("type", equalTo("object"));
        given().get("/v1/event-types/{t}", "terms-refused").then().body("deprecatedAt", nullValue());
    }

    @Test
    void listsArePagedByName() {
        Response first = given().queryParam("limit", 3).get("/v1/event-types");
        first.then().statusCode(200).body("items", hasSize(3)).header("Link", containsString("rel=\"next\""));
        List<String> firstNames = first.path("items.type");
        String cursor = first.path("nextCursor");
        List<String> secondNames = given().queryParam("limit", 3)
                .queryParam("cursor", cursor)
                .get("/v1/event-types")
                .path("items.type");
        assertEquals(3, secondNames.size());
        assertTrue(firstNames.get(2).compareTo(secondNames.get(0)) < 0, firstNames + " then " + secondNames);
        given().queryParam("cursor", "!!").get("/v1/event-types").then().statusCode(400);
    }
}
