package dev.annals.contract;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code openapi/annals-openapi.yaml} must be exactly what the running service serves.
 * Refresh it with {@code ./mvnw -B verify -Dtest=OpenApiSpecTest -DrefreshOpenApi=true -DskipITs}
 * then build again, so that the clients generated from the spec follow.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class OpenApiSpecTest {
    static final Path COMMITTED = Path.of("openapi", "annals-openapi.yaml");

    @Test
    void committedSpecMatchesTheRunningService() throws Exception {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("refreshOpenApi")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertEquals(
                Files.readString(COMMITTED, StandardCharsets.UTF_8),
                served,
                "openapi/annals-openapi.yaml is stale; refresh it with "
                        + "./mvnw -B verify -Dtest=OpenApiSpecTest -DrefreshOpenApi=true -DskipITs");
    }
}
