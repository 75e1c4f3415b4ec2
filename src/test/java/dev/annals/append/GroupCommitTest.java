package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.config.AnnalsConfig;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Group commit keeps each request all or nothing: when a shared transaction fails for a reason one request may
 * have caused, every request of the group is appended on its own and answered with its own outcome.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GroupCommitTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnnalsConfig config;

    /** Holds the first calls until every writer is busy, then fails the first group of two or more once. */
    static final class FailingFirstGroup extends AppendCall {
        final CountDownLatch writersBusy;
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger injected = new AtomicInteger();
        final AtomicInteger groups = new AtomicInteger();

        FailingFirstGroup(AgroalDataSource dataSource, AnnalsConfig config) {
            super(dataSource, config);
            int writers = config.append().writers();
            writersBusy = new CountDownLatch(writers);
        }

        @Override
        List<Answer> append(List<Request> requests) throws SQLException {
            writersBusy.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (requests.size() > 1) {
                groups.incrementAndGet();
                if (injected.getAndIncrement() == 0) {
                    throw new SQLException("injected: duplicate key value violates unique constraint", "23505");
                }
            }
            return super.append(requests);
        }
    }

    @Test
    void aFailedGroupIsAppendedRequestByRequest() throws Exception {
        int writers = config.append().writers();
        FailingFirstGroup failing = new FailingFirstGroup(dataSource, config);
        QuarkusMock.installMockForType(failing, AppendCall.class);
        int requests = writers + 12;
        List<String> timelines = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String timeline = Fixtures.timeline("group");
            timelines.add(timeline);
            statuses.add(pool.submit(() -> given().contentType(ContentType.JSON)
                    .body(Fixtures.statements("grouped", 2))
                    .post("/v1/timelines/{t}/events", timeline)
                    .statusCode()));
        }
        assertTrue(failing.writersBusy.await(20, TimeUnit.SECONDS), "every writer took a request");
        Thread.sleep(500); // the other requests queue up behind the busy writers
        failing.release.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertTrue(failing.groups.get() >= 1, "queued requests were committed as a group (and it failed once)");
        assertEquals(List.of(201), results.stream().distinct().toList());
        for (String timeline : timelines) {
            given().get("/v1/timelines/{t}", timeline)
                    .then()
                    .statusCode(200)
                    .body("version", org.hamcrest.Matchers.equalTo(2));
        }
    }
}
