package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.support.TopicIds;
import dev.annals.testing.AnnalsInfraResource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, SIGTERM'd while clients append: every append it acknowledged is in the journal,
 * and reaches the topic once an instance runs again.
 */
class GracefulShutdownIT {

    @Test
    void sigtermUnderLoadLosesNothingAcknowledged() throws Exception {
        String timeline = Fixtures.timeline("sigterm");
        PackagedApp first = PackagedApp.start("graceful-shutdown-first");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> appendUntilRefused(first, timeline, appending, acknowledged));
        }
        // SIGTERM once the load is really flowing (at least 10 acknowledged), however slow the machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        int exit = first.terminate();
        appending.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(List.of(0, 143).contains(exit), "exit code " + exit);
        assertTrue(acknowledged.size() >= 10, "load was applied: " + acknowledged.size() + " appends acknowledged");

        Set<String> journal = journalIds(timeline);
        for (String id : acknowledged) {
            assertTrue(journal.contains(id), "acknowledged event " + id + " is in the journal");
        }

        try (PackagedApp second = PackagedApp.start("graceful-shutdown-second")) {
            Map<String, List<String[]>> topic = TopicIds.read(
                    List.of(timeline), r -> published(r.get(timeline)).containsAll(acknowledged));
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(published(topic.get(timeline)));
            assertTrue(missing.isEmpty(), "acknowledged but never published: " + missing);
        }
    }

    private static Set<String> published(List<String[]> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r[0]));
        return ids;
    }

    private static void appendUntilRefused(
            PackagedApp app, String timeline, AtomicBoolean appending, ConcurrentLinkedQueue<String> acknowledged) {
        while (appending.get()) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> event = Fixtures.statement("under load");
            event.put("id", id);
            try {
                if (app.post("/v1/timelines/" + timeline + "/events", Fixtures.json(List.of(event)))
                                .statusCode()
                        == 201) {
                    acknowledged.add(id);
                }
            } catch (IOException e) {
                if (!app.process().isAlive()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Set<String> journalIds(String timeline) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = AnnalsInfraResource.connect();
                PreparedStatement select =
                        connection.prepareStatement("select event_id from journal where timeline_id = ?")) {
            select.setString(1, timeline);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
