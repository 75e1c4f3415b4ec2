package dev.annals.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances on one database: a type, and then a new version of it, registered on the first is
 * accepted by the second within a second (the registry's refresh interval is 250 ms).
 */
class RegistryTwoInstancesIT {
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Test
    void aTypeAndANewVersionRegisteredOnOneInstanceAreUsableOnTheOtherWithinASecond() throws Exception {
        try (PackagedApp one = PackagedApp.start("registry-one");
                PackagedApp two = PackagedApp.start("registry-two")) {
            String type = RulingTypes.freshName();
            String timeline = Fixtures.timeline("two-registries");
            assertEquals(404, two.get("/v1/event-types/" + type).statusCode());

            assertEquals(
                    201,
                    one.put("/v1/event-types/" + type, Fixtures.json(RulingTypes.v1()))
                            .statusCode());
            Duration first = untilAccepted(two, timeline, type, Map.of("judge", "ana-reyes", "outcome", "granted"));
            assertTrue(first.compareTo(WITHIN) < 0, "version 1 usable on the other instance after " + first);

            Map<String, Object> onlyInV2 = Map.of("judge", "ana-reyes", "outcome", "partly-granted");
            HttpResponse<String> beforeV2 = two.post(
                    "/v1/timelines/" + timeline + "/events", Fixtures.json(List.of(RulingTypes.event(type, onlyInV2))));
            assertEquals(422, beforeV2.statusCode(), beforeV2.body());
            assertEquals(
                    201,
                    one.put("/v1/event-types/" + type, Fixtures.json(RulingTypes.v2()))
                            .statusCode());
            Duration second = untilAccepted(two, timeline, type, onlyInV2);
            assertTrue(second.compareTo(WITHIN) < 0, "version 2 usable on the other instance after " + second);
            assertTrue(two.get("/v1/event-types/" + type).body().contains("\"latestVersion\":2"));
        }
    }

    /** Appends to {@code app} until it is accepted; the time from now to the start of the attempt that was. */
    private static Duration untilAccepted(PackagedApp app, String timeline, String type, Map<String, Object> data)
            throws Exception {
        long registered = System.nanoTime();
        long deadline = registered + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long attempt = System.nanoTime();
            HttpResponse<String> answer = app.post(
                    "/v1/timelines/" + timeline + "/events", Fixtures.json(List.of(RulingTypes.event(type, data))));
            if (answer.statusCode() == 201) {
                return Duration.ofNanos(attempt - registered);
            }
            assertEquals(422, answer.statusCode(), answer.body());
            Thread.sleep(20);
        }
        throw new AssertionError("never accepted");
    }
}
