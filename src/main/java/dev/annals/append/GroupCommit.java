package dev.annals.append;

import dev.annals.config.AnnalsConfig;
import dev.annals.config.AppendConfig;
import dev.annals.error.ProblemType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Group commit: concurrent append requests, to any timelines, wait in one queue; a few writer threads each take
 * what is waiting (no added delay) and append it as one database transaction ({@link AppendCall}), then answer
 * each request with its own outcome. A request stays all or nothing: the function writes nothing for a request it
 * does not accept, and a failed group is retried request by request so that one bad request fails alone.
 */
@ApplicationScoped
public class GroupCommit {
    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    private static final int MAX_REQUESTS = 256;
    /** Bytes of event JSON per group, so a group's memory is bounded (a larger single request goes alone). */
    private static final long MAX_GROUP_BYTES = 16L * 1024 * 1024;

    private static final int MAX_TRIES = 5;

    private final AppendCall call;
    private final AppendConfig config;
    private final DistributionSummary groupSizes;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(4 * MAX_REQUESTS);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    public GroupCommit(AppendCall call, AnnalsConfig config, MeterRegistry registry) {
        this.call = call;
        this.config = config.append();
        this.groupSizes = DistributionSummary.builder("annals.append.group.requests")
                .description("Append requests per journal transaction (group commit)")
                .register(registry);
    }

    private record Pending(AppendCall.Request request, CompletableFuture<AppendCall.Answer> answer) {
        int events() {
            return request.rows().size();
        }
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < config.writers(); i++) {
            Thread writer = new Thread(this::write, "annals-append-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(unavailable());
        }
    }

    /** Appends one request with whatever else is waiting; blocks until its transaction is over. */
    AppendCall.Answer append(AppendCall.Request request) throws SQLException {
        Pending pending = new Pending(request, new CompletableFuture<>());
        boolean queued;
        try {
            queued = running && queue.offer(pending, 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        // a request still in the queue when the writers stop is taken back: then it was certainly not written
        if (!queued || !running && queue.remove(pending)) {
            throw unavailable();
        }
        try {
            // no interruption: once a writer may have taken it, only the writer knows whether it was written
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private void write() {
        Pending carry = null;
        while (running || carry != null || !queue.isEmpty()) {
            List<Pending> group = new ArrayList<>();
            try {
                Pending first = carry != null ? carry : queue.poll(100, TimeUnit.MILLISECONDS);
                carry = null;
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events();
                long bytes = first.request().bytes();
                Pending next;
                while (group.size() < MAX_REQUESTS && (next = queue.poll()) != null) {
                    if (events + next.events() > config.maxGroupEvents()
                            || bytes + next.request().bytes() > MAX_GROUP_BYTES) {
                        carry = next;
                        break;
                    }
                    group.add(next);
                    events += next.events();
                    bytes += next.request().bytes();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(group, unavailable());
                return;
            } catch (Throwable e) {
                // a writer must never die with requests waiting on it
                LOG.errorf(e, "Append writer failed");
                fail(group, e);
            }
        }
    }

    private void commit(List<Pending> group) {
        groupSizes.record(group.size());
        List<AppendCall.Answer> answers;
        try {
            answers = call.append(group.stream().map(Pending::request).toList());
        } catch (SQLException e) {
            if (isolatable(e)) {
                LOG.debugf(
                        "A group of %d appends failed (%s); appending them one by one", group.size(), e.getMessage());
                group.forEach(p -> commitAlone(p, p.request()));
            } else {
                fail(group, e);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Pending pending = group.get(i);
            if (answers.get(i) instanceof AppendCall.Again) {
                commitAlone(pending, pending.request().restamped().get());
            } else {
                pending.answer().complete(answers.get(i));
            }
        }
    }

    /** Appends one request alone, stamped anew when the database asks, retrying deadlocks (nothing written). */
    private void commitAlone(Pending pending, AppendCall.Request request) {
        AppendCall.Request attempt = request;
        for (int tries = 1; ; tries++) {
            try {
                AppendCall.Answer answer = call.append(List.of(attempt)).get(0);
                if (!(answer instanceof AppendCall.Again)) {
                    pending.answer().complete(answer);
                    return;
                }
                if (tries == MAX_TRIES) {
                    pending.answer().completeExceptionally(unavailable());
                    return;
                }
                attempt = attempt.restamped().get();
            } catch (SQLException e) {
                if (tries < MAX_TRIES
                        && e.getSQLState() != null
                        && e.getSQLState().startsWith("40")) {
                    continue;
                }
                pending.answer().completeExceptionally(e);
                return;
            }
        }
    }

    private static void fail(List<Pending> group, Throwable e) {
        group.forEach(p -> p.answer().completeExceptionally(e));
    }

    /**
     * A failure one request may have caused (bad value, constraint, deadlock, a lock timeout on its timeline), not a
     * database outage.
     */
    private static boolean isolatable(SQLException e) {
        String state = e.getSQLState();
        return state != null
                && (state.startsWith("22")
                        || state.startsWith("23")
                        || state.startsWith("40")
                        || "55P03".equals(state));
    }

    private static RuntimeException unavailable() {
        return ProblemType.SERVICE_UNAVAILABLE.exception(
                "Annals is shutting down or overloaded; nothing was " + "stored. Retry later.");
    }
}
