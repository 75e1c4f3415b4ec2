package dev.annals.append;

import dev.annals.error.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Append figures: {@code annals_appends_total} by outcome (accepted, replayed, conflict, rejected, failed) and reason
 * (the problem type), {@code annals_appended_events_total}, and the latency {@code annals_append_seconds}.
 */
@ApplicationScoped
public class AppendMetrics {
    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter events;

    public AppendMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency =
                Timer.builder("annals.append").description("Append latency").register(registry);
        this.events = Counter.builder("annals.appended.events")
                .description("Events appended")
                .register(registry);
    }

    /** Runs one append, recording its latency and outcome. */
    public AppendService.Outcome record(Supplier<AppendService.Outcome> append) {
        Timer.Sample sample = Timer.start(registry);
        try {
            AppendService.Outcome outcome = append.get();
            count(outcome.replayed() ? "replayed" : "accepted", "none");
            if (!outcome.replayed()) {
                events.increment(outcome.result().events().size());
            }
            return outcome;
        } catch (ProblemException e) {
            refused(e);
            throw e;
        } catch (RuntimeException e) {
            count("failed", e.getClass().getSimpleName());
            throw e;
        } finally {
            sample.stop(latency);
        }
    }

    /**
     * Counts an append answered with a problem: 409 (idempotency) and 412 (precondition) as a conflict, 5xx as
     * failed, any other as rejected.
     */
    void refused(ProblemException e) {
        String reason = e.problem().type().getPath().replace("/problems/", "");
        int status = e.problem().status();
        count(status == 409 || status == 412 ? "conflict" : status >= 500 ? "failed" : "rejected", reason);
    }

    private void count(String outcome, String reason) {
        Counter.builder("annals.appends")
                .description("Append requests by outcome and reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
