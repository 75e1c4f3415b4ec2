package dev.annals.ops;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Readiness follows PostgreSQL (Kafka is KafkaOutageTest); Prometheus metrics reflect appends, the relay, the projection and queries. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class HealthAndMetricsTest {

    private static int readyStatus() {
        return given().get("/q/health/ready").statusCode();
    }

    private static void awaitReady(int status, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (readyStatus() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("readiness did not become " + status + ": "
                        + given().get("/q/health/ready").asString());
            }
            Thread.sleep(250);
        }
    }

    @Test
    void readinessGoesDownWithPostgresAndUpAgain() throws Exception {
        awaitReady(200, 20_000);
        String timeline = Fixtures.timeline("db-outage");
        setDatabaseAccepting(false);
        try {
            awaitReady(503, 30_000);
            given().get("/q/health/live").then().statusCode(200);
            given().contentType(ContentType.JSON)
                    .body(Fixtures.statements("refused", 1))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5");
        } finally {
            setDatabaseAccepting(true);
        }
        awaitReady(200, 60_000);
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("accepted", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .body("version", equalTo(1));
    }

    /**
     * A real outage as the application sees it: PostgreSQL refuses new connections to the database and drops the
     * open ones (done from the maintenance database, as the embedded server's superuser).
     */
    private static void setDatabaseAccepting(boolean accepting) throws Exception {
        String url = AnnalsInfraResource.jdbcUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty(AnnalsInfraResource.JDBC_URL_PROPERTY) == null, "only on the embedded PostgreSQL");
        String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        maintenance, AnnalsInfraResource.jdbcUsername(), AnnalsInfraResource.jdbcPassword());
                java.sql.Statement st = c.createStatement()) {
            st.execute("alter database annals allow_connections " + accepting);
            if (!accepting) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'annals'");
            }
        }
    }

    @Test
    void metricsAppearAfterAnAppend() {
        double before = metric("annals_appends_total", "outcome=\"accepted\"");
        String timeline = Fixtures.timeline("metrics");
        String position = given().contentType(ContentType.JSON)
                .body(Fixtures.statements("counted", 2))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Fixtures.statements("late", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(412);
        awaitProjected(position);

        assertEquals(before + 1, metric("annals_appends_total", "outcome=\"accepted\""));
        assertTrue(metric("annals_appends_total", "reason=\"version-conflict\"") >= 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("annals_appended_events_total"))
                .body(containsString("annals_append_seconds_count"))
                .body(containsString("annals_outbox_backlog"))
                .body(containsString("annals_relay_published_total"))
                .body(containsString("annals_relay_latency_seconds_count"))
                .body(containsString("annals_projection_lag"))
                .body(containsString("annals_projection_partition_lag{"))
                .body(containsString("annals_projection_applied_total"))
                .body(containsString("annals_dlq_total"))
                .body(containsString("annals_kafka_up 1.0"))
                .body(containsString("annals_relay_leader 1.0"))
                .body(containsString("annals_query_seconds_count{"));
        assertTrue(metric("annals_projection_applied_total", "") >= 2);
    }

    @Test
    void bodiesRefusedWhileParsingAreCountedToo() {
        String labels = "outcome=\"rejected\",reason=\"batch-too-large\"";
        double before = metric("annals_appends_total", labels);
        given().contentType(ContentType.JSON)
                .body("[" + "{},".repeat(1000) + "{}]")
                .post("/v1/timelines/{t}/events", Fixtures.timeline("refused-while-parsing"))
                .then()
                .statusCode(413);
        assertEquals(before + 1, metric("annals_appends_total", labels));
    }

    /** waitFor answers 503 after its timeout; a broker restart by the other test may need a few rounds. */
    private static void awaitProjected(String position) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (given().queryParam("waitFor", position).get("/v1/events").statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "projection did not reach " + position);
        }
    }

    /** Sum of the samples of a metric whose labels contain the given text. */
    private static double metric(String name, String labels) {
        String body = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(body);
        double sum = 0;
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
