package dev.annals.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code annals_relay_leader}: 1 on the instance that holds the relay lock; summed over instances it must be 1. */
@Startup
@ApplicationScoped
public class RelayLeaderGauge {
    public RelayLeaderGauge(OutboxRelay relay, MeterRegistry registry) {
        Gauge.builder("annals.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
                .description("1 when this instance's relay holds the lock and publishes the outbox")
                .register(registry);
    }
}
