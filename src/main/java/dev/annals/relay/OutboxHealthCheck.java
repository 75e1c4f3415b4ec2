package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import dev.annals.config.HealthGroups;
import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Dependencies health group (not readiness): the outbox backlog (appends committed but not yet on the topic) is below the threshold. */
@HealthGroup(HealthGroups.DEPENDENCIES)
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
