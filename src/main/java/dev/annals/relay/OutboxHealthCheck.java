package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the outbox backlog (appends committed but not yet on the topic) is below the threshold. */
@Readiness
public class OutboxHealthCheck implements HealthCheck {
    private final RelayMetrics metrics;
    private final AnnalsConfig config;

    public OutboxHealthCheck(RelayMetrics metrics, AnnalsConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long max = config.health().outboxBacklogMax();
        try {
            long backlog = metrics.backlog();
            return HealthCheckResponse.named("outbox")
                    .status(backlog <= max)
                    .withData("backlog", backlog)
                    .withData("max", max)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
