package dev.annals.security;

import static dev.annals.support.Api.anonymous;
import static dev.annals.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestKeys;
import dev.annals.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may do what, through the running app: roles, write scopes, and every kind of bad token. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class SecurityTest {
    private static final String READER = TestTokens.withGroups(Roles.READER);
    private static final String WRITER = TestTokens.withGroups(Roles.WRITER);
    private static final String ADMIN = TestTokens.withGroups(Roles.ADMIN);

    @Test
    void anonymousCallersAreAskedForATokenEverywhereUnderV1() {
        for (String path : List.of(
                "/v1/events",
                "/v1/timelines",
                "/v1/timelines/some-timeline",
                "/v1/timelines/some-timeline/stream",
                "/v1/actors",
                "/v1/event-types",
                "/v1/projections")) {
            unauthorized(anonymous().get(path).then(), path).header("WWW-Authenticate", "Bearer realm=\"annals\"");
        }
        String timeline = Fixtures.timeline("anonymous-append");
        unauthorized(append(anonymous(), timeline), "append");
        unauthorized(anonymous().post("/v1/projections/timeline/rebuild").then(), "rebuild");
        unauthorized(
                anonymous()
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .post("/v1/admin/republish")
                        .then(),
                "republish");
        assertEquals(0, AnnalsInfraResource.journalRows(timeline), "nothing stored for an anonymous append");
    }

    @Test
    void readersReadButDoNotWrite() {
        as(READER).get("/v1/events").then().statusCode(200);
        String timeline = Fixtures.timeline("reader-append");
        forbidden(append(as(READER), timeline));
        forbidden(as(READER).post("/v1/projections/timeline/rebuild").then());
        assertEquals(0, AnnalsInfraResource.journalRows(timeline));
    }

    @Test
    void writersWriteAndReadButDoNotAdminister() {
        String timeline = Fixtures.timeline("writer-append");
        append(as(WRITER), timeline).statusCode(201);
        as(WRITER).get("/v1/timelines/{t}", timeline).then().statusCode(200);
        forbidden(as(WRITER).post("/v1/projections/timeline/rebuild").then());
        forbidden(as(WRITER)
                .contentType(ContentType.JSON)
                .body("{\"timelineId\": \"" + timeline + "\"}")
                .post("/v1/admin/republish")
                .then());
    }

    @Test
    void adminsAdministerAndReadButDoNotAppend() {
        as(ADMIN).get("/v1/projections").then().statusCode(200);
        String timeline = Fixtures.timeline("admin-append");
        forbidden(append(as(ADMIN), timeline));
        assertEquals(0, AnnalsInfraResource.journalRows(timeline));
    }

    @Test
    void aWriteScopeLimitsTheTimelinesATokenMayWriteTo() {
        String token = TestTokens.withClaims(
                Set.of(Roles.WRITER), Map.of("annals_timelines", List.of("court-case-*", "election-2026")));
        String allowed = Fixtures.timeline("court-case");
        append(as(token), allowed).statusCode(201);
        append(as(token), "election-2026").statusCode(201);
        String elsewhere = Fixtures.timeline("recall");
        forbidden(append(as(token), elsewhere)).body("detail", containsString(elsewhere));
        // refused before the body is read: a malformed body to a forbidden timeline is still a 403, not a 400
        forbidden(as(token)
                .contentType(ContentType.JSON)
                .body("[{not json")
                .post("/v1/timelines/{t}/events", elsewhere)
                .then());
        assertEquals(0, AnnalsInfraResource.journalRows(elsewhere));
        // an exact id is not a prefix
        forbidden(append(as(token), "election-2026-runoff"));
    }

    @Test
    void badTokensAreRefusedWithInvalidToken() {
        TestKeys otherKey = TestKeys.in(Path.of("target", "annals-other-keys"), TestTokens.ISSUER);
        TestKeys otherIssuer = TestKeys.in(Path.of("target", "annals-test-keys"), "https://someone-else.example");
        Map<String, String> tokens = Map.of(
                "signed by another key",
                otherKey.token("mallory", Set.of(Roles.WRITER), Duration.ofHours(1)),
                "wrong issuer",
                otherIssuer.token("mallory", Set.of(Roles.WRITER), Duration.ofHours(1)),
                "expired",
                TestTokens.keys().token("late", Set.of(Roles.WRITER), Duration.ofSeconds(-120)),
                "alg none",
                TestTokens.unsigned("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"mallory\","
                        + "\"groups\":[\"writer\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 3600)
                        + "}"),
                "garbage",
                "not-a-jwt",
                "tampered payload",
                TestTokens.tampered(WRITER, payload -> payload.replace("\"writer\"", "\"admin\"")));
        String timeline = Fixtures.timeline("bad-token");
        tokens.forEach((name, token) -> {
            unauthorized(append(as(token), timeline), name)
                    .header("WWW-Authenticate", "Bearer realm=\"annals\", error=\"invalid_token\"")
                    .body(not(containsString("Exception")));
            unauthorized(as(token).get("/v1/events").then(), name);
        });
        assertEquals(0, AnnalsInfraResource.journalRows(timeline));
    }

    @Test
    void aTokenIsRefusedOnceItExpiresEvenAfterItWasAccepted() throws InterruptedException {
        String shortLived = TestTokens.keys().token("brief", Set.of(Roles.READER), Duration.ofSeconds(2));
        as(shortLived).get("/v1/events").then().statusCode(200);
        as(shortLived).get("/v1/events").then().statusCode(200);
        Thread.sleep(4_500); // past exp plus the 1 s clock skew the test profile allows
        unauthorized(as(shortLived).get("/v1/events").then(), "expired after use");
    }

    @Test
    void healthAndTheContractNeedNoToken() {
        anonymous().get("/q/health/live").then().statusCode(200);
        anonymous().get("/q/openapi").then().statusCode(200).body(containsString("bearer"));
    }

    private static ValidatableResponse append(RequestSpecification request, String timeline) {
        return request.contentType(ContentType.JSON)
                .body(List.of(Fixtures.statement("security")))
                .post("/v1/timelines/{t}/events", timeline)
                .then();
    }

    private static ValidatableResponse unauthorized(ValidatableResponse response, String what) {
        return response.statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://annals.dev/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    private static ValidatableResponse forbidden(ValidatableResponse response) {
        return response.statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://annals.dev/problems/forbidden"))
                .body("status", equalTo(403))
                .body("requestId", notNullValue());
    }
}
