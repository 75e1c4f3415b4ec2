package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.support.TopicIds;
import dev.annals.testing.AnnalsInfraResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances; the leading relay's database session is killed while clients append: a relay leads
 * again within a bounded time, and the topic holds every acknowledged event of each timeline, in sequence order
 * (copies of the same ce_id allowed: at-least-once). Then a republish of the whole journal puts every event on
 * the topic again, in order.
 */
class RelayFailoverIT {
    private static final String LEADER = """
            select a.pid from pg_stat_activity a join pg_locks l on l.pid = a.pid
            where a.application_name = 'annals-relay' and l.locktype = 'advisory' and l.granted
              and l.classid = 24942 and l.objid = 1851878515""";

    @Test
    void aKilledLeaderSessionIsReplacedAndTheTopicKeepsEveryTimelineInOrder() throws Exception {
        List<String> timelines = List.of(
                Fixtures.timeline("failover-a"), Fixtures.timeline("failover-b"), Fixtures.timeline("failover-c"));
        Map<String, ConcurrentLinkedQueue<String>> acknowledged = new ConcurrentHashMap<>();
        timelines.forEach(t -> acknowledged.put(t, new ConcurrentLinkedQueue<>()));
        try (PackagedApp one = PackagedApp.start("relay-failover-one");
                PackagedApp two = PackagedApp.start("relay-failover-two");
                Connection db = AnnalsInfraResource.connect()) {
            AtomicBoolean appending = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(timelines.size());
            for (int c = 0; c < timelines.size(); c++) {
                String timeline = timelines.get(c);
                PackagedApp app = c % 2 == 0 ? one : two;
                // one client per timeline: its acknowledged events are the timeline's sequence order
                clients.submit(() -> append(app, timeline, appending, acknowledged.get(timeline)));
            }
            int firstLeader = leader(db, -1, 30_000);
            Thread.sleep(1_000);
            try (Statement statement = db.createStatement()) {
                statement.execute("select pg_terminate_backend(" + firstLeader + ")");
            }
            // the killed session's lock is released with it; a relay (either instance) takes it again
            int secondLeader = leader(db, firstLeader, 30_000);
            assertNotEquals(firstLeader, secondLeader, "a new relay session leads");
            Thread.sleep(1_000);
            appending.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
            timelines.forEach(t -> assertTrue(acknowledged.get(t).size() >= 5, "load was applied on " + t));

            assertInOrderOnTopic(timelines, acknowledged, 1);

            String answer = one.post("/v1/admin/republish", "{}").body();
            long journal = count(db, "select count(*) from journal");
            assertTrue(answer.contains("\"events\":" + journal), answer);
            assertInOrderOnTopic(timelines, acknowledged, 2);
        }
    }

    /** Each timeline's acknowledged ids, in order, appear on the topic {@code times} times over (first occurrences in order). */
    private static void assertInOrderOnTopic(
            List<String> timelines, Map<String, ConcurrentLinkedQueue<String>> acknowledged, int times) {
        Map<String, List<String[]>> topic = TopicIds.read(
                timelines, r -> timelines.stream().allMatch(t -> count(r.get(t), acknowledged.get(t)) >= times));
        for (String timeline : timelines) {
            List<String> expected = new ArrayList<>(acknowledged.get(timeline));
            List<String> seen = firstOccurrences(topic.get(timeline));
            assertEquals(expected, seen, "every acknowledged event of " + timeline + ", first occurrences in order");
            assertTrue(count(topic.get(timeline), acknowledged.get(timeline)) >= times, "copies of " + timeline);
        }
    }

    /** How many times over the least often published of the ids is on the topic. */
    private static int count(List<String[]> records, ConcurrentLinkedQueue<String> ids) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        records.forEach(r -> counts.merge(r[0], 1, Integer::sum));
        return ids.stream().mapToInt(id -> counts.getOrDefault(id, 0)).min().orElse(0);
    }

    private static List<String> firstOccurrences(List<String[]> records) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(r[0]));
        return new ArrayList<>(ids);
    }

    private static void append(
            PackagedApp app, String timeline, AtomicBoolean appending, ConcurrentLinkedQueue<String> acknowledged) {
        while (appending.get()) {
            List<Map<String, Object>> events = Fixtures.statements("failover", 2);
            try {
                if (app.post("/v1/timelines/" + timeline + "/events", Fixtures.json(events))
                                .statusCode()
                        == 201) {
                    events.forEach(e -> acknowledged.add((String) e.get("id")));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The backend pid of the session holding the relay lock (other than {@code except}), waiting up to {@code millis}. */
    private static int leader(Connection db, int except, long millis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            try (PreparedStatement select = db.prepareStatement(LEADER);
                    ResultSet rs = select.executeQuery()) {
                if (rs.next() && rs.getInt(1) != except) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no relay session holds the lock within " + millis + " ms");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
