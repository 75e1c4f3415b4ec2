package dev.annals.web;

import static dev.annals.support.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web view's page and assets answer without a token, with a strict CSP; /v1 stays protected; /q is untouched. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class WebViewHeadersTest {
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Test
    void pageAndAssetsAreOpenWithAStrictPolicy() {
        for (String path : List.of("/", "/index.html", "/app/main.js", "/app/app.css", "/app/state/url.js")) {
            anonymous()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        anonymous().get("/").then().body(containsString("<script type=\"module\" src=\"app/main.js\">"));
        anonymous().get("/").then().body(not(containsString("<style")));
    }

    @Test
    void theApiStaysProtectedAndSwaggerUiKeepsItsOwnHeaders() {
        anonymous().get("/v1/events").then().statusCode(401);
        anonymous().get("/v1/timelines").then().statusCode(401);
        anonymous().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
        anonymous().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }
}
