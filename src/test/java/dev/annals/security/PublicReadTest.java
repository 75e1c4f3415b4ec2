package dev.annals.security;

import static dev.annals.support.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code annals.security.public-read=true} anyone reads; writing and administering still need a token. */
@QuarkusTest
@TestProfile(PublicReadTest.PublicRead.class)
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class PublicReadTest {

    public static class PublicRead implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("annals.security.public-read", "true");
        }
    }

    @Test
    void anonymousReadsAnonymousDoesNotWrite() {
        anonymous().get("/v1/events").then().statusCode(200);
        anonymous().get("/v1/event-types").then().statusCode(200);
        anonymous()
                .contentType(ContentType.JSON)
                .body(List.of(Fixtures.statement("public")))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("public-read"))
                .then()
                .statusCode(401)
                .body("type", equalTo("https://annals.dev/problems/unauthorized"));
        anonymous().post("/v1/projections/timeline/rebuild").then().statusCode(401);
    }
}
