package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.config.HealthGroups;
import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Dependencies health group (not readiness): this instance's projector runs and its lag (summed over its partitions) is below the threshold. */
@HealthGroup(HealthGroups.DEPENDENCIES)
public class ProjectionHealthCheck implements HealthCheck {
    private final TimelineProjector projector;
    private final AnnalsConfig config;

    public ProjectionHealthCheck(TimelineProjector projector, AnnalsConfig config) {
        this.projector = projector;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        ProjectorRunner live = projector.liveRunner();
        if (live == null) {
            return HealthCheckResponse.named("projection")
                    .up()
                    .withData("state", "disabled")
                    .build();
        }
        long lag = ProjectionMetrics.lag(live.stats);
        long max = config.health().projectionLagMax();
        String state = live.stats.state();
        boolean up = lag <= max && !"failed".equals(state) && !"stopped".equals(state);
        return HealthCheckResponse.named("projection")
                .status(up)
                .withData("state", state)
                .withData("lag", lag)
                .withData("max", max)
                .build();
    }
}
