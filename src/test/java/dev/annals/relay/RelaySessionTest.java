package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The relay runs on its own session: it holds the lock, carries keepalives that let PostgreSQL drop it when its
 * peer dies, and takes the notifications the driver queues on it.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RelaySessionTest {
    @Inject
    OutboxRelay relay;

    private static Connection database() throws Exception {
        return AnnalsInfraResource.connect();
    }

    private void awaitLeader() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!relay.isLeader()) {
            assertTrue(System.nanoTime() < deadline, "the relay leads");
            Thread.sleep(50);
        }
    }

    @Test
    void theLockIsHeldByTheRelaySessionWhichCarriesTheKeepalives() throws Exception {
        awaitLeader();
        KeepaliveSettings wanted = KeepaliveSettings.forTimeout(Duration.ofSeconds(30));
        assertEquals(wanted, relay.sessionKeepalive(), "what PostgreSQL reports for the relay session");
        try (Connection db = database();
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("""
                        select a.application_name, count(*) over ()
                        from pg_locks l join pg_stat_activity a on a.pid = l.pid
                        where l.locktype = 'advisory' and l.granted and l.classid = 24942 and l.objid = 1851878515""")) {
            assertTrue(rs.next(), "someone holds the relay lock");
            assertEquals(RelaySession.APPLICATION_NAME, rs.getString(1));
            assertEquals(1, rs.getInt(2));
        }
    }

    @Test
    void aKilledRelaySessionIsReopenedAndPublishingGoesOn() throws Exception {
        awaitLeader();
        try (Connection db = database();
                Statement statement = db.createStatement()) {
            statement.execute(
                    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'annals-relay'");
        }
        String timeline = Fixtures.timeline("session-killed");
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("after the kill", 2))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        var records = dev.annals.support.TopicProbe.records(timeline, Duration.ofSeconds(30), r -> r.size() >= 2);
        assertEquals(2, records.size(), "published by the reopened session");
        assertTrue(relay.isLeader());
    }

    @Test
    void theRelaySessionTakesEveryNotificationAndThenHasNoneQueued() throws Exception {
        KeepaliveSettings keepalive = KeepaliveSettings.forTimeout(Duration.ofSeconds(30));
        try (RelaySession session = RelaySession.open(
                        AnnalsInfraResource.jdbcUrl(),
                        AnnalsInfraResource.jdbcUsername(),
                        AnnalsInfraResource.jdbcPassword(),
                        new java.util.Properties(),
                        keepalive,
                        60);
                Connection other = database();
                Statement notify = other.createStatement()) {
            session.listen("annals_test_channel");
            for (int i = 0; i < 500; i++) {
                notify.execute("select pg_notify('annals_test_channel', '" + i + "')");
            }
            // a round's query reads them off the socket into the driver's queue; the round then takes them
            session.isValid();
            int taken = session.takeNotifications(0);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (taken < 500 && System.nanoTime() < deadline) {
                taken += session.takeNotifications(100);
            }
            assertEquals(500, taken);
            session.isValid();
            assertEquals(0, session.takeNotifications(0), "nothing left queued");
        }
    }

    @Test
    void notificationsSentWhileTheRelayIsBusyAreAllTaken() throws Exception {
        awaitLeader();
        long before = relay.notificationsTaken();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        for (int c = 0; c < 2; c++) {
            String timeline = Fixtures.timeline("busy-relay");
            clients.submit(() -> {
                while (appending.get()) {
                    given().contentType(ContentType.JSON)
                            .body(Fixtures.statements("busy", 5))
                            .post("/v1/timelines/{t}/events", timeline)
                            .then()
                            .statusCode(201);
                }
            });
        }
        int sent = 2_000;
        try (Connection db = database();
                Statement notify = db.createStatement()) {
            for (int i = 0; i < sent; i++) {
                notify.execute("select pg_notify('" + OutboxSignal.CHANNEL + "', '')");
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (relay.notificationsTaken() - before < sent && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        appending.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(
                relay.notificationsTaken() - before >= sent,
                "taken while appends go on: " + (relay.notificationsTaken() - before) + " of " + sent);
    }
}
