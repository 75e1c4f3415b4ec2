package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.support.TopicIds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two instances appending to the same timelines at once: the topic holds every timeline in sequence order. */
class TwoInstancesIT {

    @Test
    void twoInstancesKeepPerTimelineOrderOnTheTopic() throws Exception {
        List<String> timelines =
                List.of(Fixtures.timeline("two-a"), Fixtures.timeline("two-b"), Fixtures.timeline("two-c"));
        int perClient = 25;
        try (PackagedApp one = PackagedApp.start("two-instances-one");
                PackagedApp two = PackagedApp.start("two-instances-two")) {
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                PackagedApp app = c % 2 == 0 ? one : two;
                String timeline = timelines.get(c % timelines.size());
                results.add(clients.submit(() -> {
                    int created = 0;
                    for (int i = 0; i < perClient; i++) {
                        String body = Fixtures.json(Fixtures.statements("from " + app.baseUrl(), 2));
                        if (app.post("/v1/timelines/" + timeline + "/events", body)
                                        .statusCode()
                                == 201) {
                            created++;
                        }
                    }
                    return created;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(perClient, result.get());
            }
            clients.shutdown();
        }
        int perTimeline = 2 * perClient * 2;
        Map<String, List<String[]>> topic = TopicIds.read(
                timelines,
                r -> r.values().stream().allMatch(list -> firstOccurrences(list).size() >= perTimeline));
        for (String timeline : timelines) {
            List<String> sequences = firstOccurrences(topic.get(timeline));
            List<String> expected = new ArrayList<>();
            for (int s = 1; s <= perTimeline; s++) {
                expected.add(Integer.toString(s));
            }
            assertEquals(expected, sequences, "first occurrences of " + timeline + " in sequence order");
        }
    }

    /** ce_sequence of each record the first time its ce_id appears, in topic order. */
    private static List<String> firstOccurrences(List<String[]> records) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        List<String> sequences = new ArrayList<>();
        for (String[] record : records) {
            if (ids.add(record[0])) {
                sequences.add(record[1]);
            }
        }
        return sequences;
    }
}
