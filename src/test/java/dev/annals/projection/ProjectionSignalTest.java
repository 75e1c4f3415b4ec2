package dev.annals.projection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting queries hear batches committed by a projector in another instance: its NOTIFY reaches the listener. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionSignalTest {
    @Inject
    ProjectionSignal signal;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNotificationFromAnotherSessionWakesWaiters() throws Exception {
        long seen = signal.batches(); // starts the listener
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long now = seen;
        // the listener may not be listening yet when the first notification goes out: notify until it hears one
        while (now == seen && System.nanoTime() < deadline) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_notify('" + BatchSql.CHANNEL + "', '')");
            }
            now = signal.awaitAfter(seen, TimeUnit.MILLISECONDS.toNanos(500));
        }
        assertTrue(now > seen, "a notification sent by another session woke the waiter");
    }
}
