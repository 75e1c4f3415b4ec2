package dev.annals.ops;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicIds;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The outbox is for broker outages: with Kafka stopped for 30 s under load, readiness stays UP and every append is
 * accepted; the dependencies group and {@code annals_kafka_up} report the outage; everything is published after.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class KafkaOutageTest {
    private static final long OUTAGE_MILLIS = 30_000;

    @Test
    void appendsAndReadinessSurviveABrokerOutageAndEverythingIsPublishedAfter() throws Exception {
        awaitStatus("/q/health/ready", 200, 20_000);
        given().get("/q/health/ready").then().body("checks.name", contains("Database connections health check"));
        awaitStatus("/q/health/group/dependencies", 200, 30_000);
        given().get("/q/health/group/dependencies")
                .then()
                .body("checks.name", hasItems("kafka", "outbox", "projection"));

        List<String> timelines = List.of(Fixtures.timeline("outage-a"), Fixtures.timeline("outage-b"));
        Map<String, List<String>> accepted = new ConcurrentHashMap<>();
        timelines.forEach(t -> accepted.put(t, Collections.synchronizedList(new ArrayList<>())));
        List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            int i = 0;
            while (loading.get()) {
                String timeline = timelines.get(i++ % timelines.size());
                Map<String, Object> event = Fixtures.statement("during outage " + i);
                int status = given().contentType(ContentType.JSON)
                        .body(List.of(event))
                        .post("/v1/timelines/{t}/events", timeline)
                        .statusCode();
                if (status == 201) {
                    accepted.get(timeline).add((String) event.get("id"));
                } else {
                    failures.add(status);
                }
            }
        });
        load.start();
        AnnalsInfraResource.stopKafka();
        boolean dependenciesSawOutage = false;
        boolean gaugeSawOutage = false;
        try {
            long end = System.currentTimeMillis() + OUTAGE_MILLIS;
            while (System.currentTimeMillis() < end) {
                assertEquals(200, given().get("/q/health/ready").statusCode(), "readiness must not follow Kafka");
                if (given().get("/q/health/group/dependencies").statusCode() == 503) {
                    given().get("/q/health/group/dependencies")
                            .then()
                            .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
                    dependenciesSawOutage = true;
                    gaugeSawOutage |= given().get("/q/metrics").asString().contains("annals_kafka_up 0.0");
                }
                Thread.sleep(500);
            }
        } finally {
            AnnalsInfraResource.startKafka();
            loading.set(false);
            load.join();
        }
        assertTrue(dependenciesSawOutage, "the dependencies group never reported Kafka DOWN");
        assertTrue(gaugeSawOutage, "annals_kafka_up never reported 0");
        assertEquals(List.of(), failures, "every append during the outage is accepted");
        assertTrue(accepted.values().stream().mapToInt(List::size).sum() > 20, "the load ran: " + accepted);

        Map<String, List<String[]>> published = TopicIds.read(
                timelines,
                records -> timelines.stream()
                        .allMatch(t -> records.get(t).size() >= accepted.get(t).size()));
        for (String timeline : timelines) {
            List<String> ids =
                    published.get(timeline).stream().map(r -> r[0]).distinct().toList();
            assertEquals(accepted.get(timeline), ids, "all published after the outage, in order: " + timeline);
        }
        awaitStatus("/q/health/group/dependencies", 200, 60_000);
        // leave the shared broker and app as found: the projector has rejoined its group and applied everything,
        // so the next test class does not start while the consumer is still recovering from the outage
        for (String timeline : timelines) {
            awaitProjected(timeline, accepted.get(timeline).size(), 120_000);
        }
    }

    private static void awaitProjected(String timeline, int events, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        // a fresh timeline's version is its event count; waitFor answers 200 once the read model holds that position
        while (given().queryParam("waitFor", timeline + ":" + events)
                        .queryParam("limit", 1)
                        .get("/v1/timelines/{t}/events", timeline)
                        .statusCode()
                != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the projector did not apply " + events + " events of " + timeline);
            }
            Thread.sleep(250);
        }
    }

    private static void awaitStatus(String path, int status, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (given().get(path).statusCode() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(path + " did not become " + status + ": "
                        + given().get(path).asString());
            }
            Thread.sleep(250);
        }
    }
}
