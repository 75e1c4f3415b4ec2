package dev.annals.http;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Annals behind a TLS ingress that forwards, with CORS opened for one origin: Location and Link say https and the
 * public host; a browser on that origin may call, any other is refused.
 */
@QuarkusTest
@TestProfile(EdgeProfileTest.BehindTlsIngress.class)
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class EdgeProfileTest {
    static final String ORIGIN = "https://newsroom.example";

    /** Forwarding trusted from the local proxy, CORS for one origin: what README's "Behind a proxy" sets. */
    public static class BehindTlsIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.allow-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,[::1]",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", ORIGIN);
        }
    }

    @Test
    void locationAndLinkSayHttpsBehindAForwardingTlsIngress() {
        String timeline = Fixtures.timeline("forwarded");
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "annals.example")
                .body(Fixtures.statements("forwarded", 3))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .header("Location", "https://annals.example/v1/timelines/" + timeline + "/stream/1");
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "annals.example")
                .queryParam("limit", 2)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .header("Link", startsWith("<https://annals.example/v1/timelines/" + timeline + "/stream?"));
        // the standard Forwarded header (RFC 7239) works the same way
        given().header("Forwarded", "proto=https;host=annals.example")
                .queryParam("limit", 1)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .header("Link", startsWith("<https://annals.example/v1/timelines/"));
        // without the headers, the address the client used
        given().queryParam("limit", 1)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .header("Link", startsWith("<http://localhost:"));
    }

    @Test
    void corsAllowsTheConfiguredOriginOnly() {
        given().header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,if-match")
                .options("/v1/timelines/{t}/events", Fixtures.timeline("cors"))
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", ORIGIN)
                .get("/v1/event-types")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("Link"));
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/v1/timelines/{t}/events", Fixtures.timeline("cors"))
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example")
                .get("/v1/event-types")
                .then()
                .statusCode(403)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
