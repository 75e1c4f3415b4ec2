package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.annals.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With PostgreSQL unreachable, an append is answered 503 with Retry-After, never acknowledged. */
@QuarkusTest
@TestProfile(DatabaseDownTest.UnreachableDatabase.class)
class DatabaseDownTest {

    /** Points the datasource at a port nothing listens on; no migrations, no relay. */
    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:9/annals",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none",
                    "annals.relay.enabled", "false",
                    "annals.projection.enabled", "false");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void appendAnswers503() {
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("lost?", 1))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("db-down"))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://annals.dev/problems/service-unavailable"))
                .body(not(containsString("Exception")));
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
    }
}
