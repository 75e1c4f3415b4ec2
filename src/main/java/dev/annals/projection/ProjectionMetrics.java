package dev.annals.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Projection figures of this instance's live projector: {@code annals_projection_lag} (summed) and
 * {@code annals_projection_partition_lag{partition}}, and the counters {@code annals_projection_applied_total}
 * (its rate is events/s), {@code annals_projection_duplicates_total} and {@code annals_dlq_total}.
 */
@ApplicationScoped
public class ProjectionMetrics {
    private final MeterRegistry registry;
    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();
    private volatile Supplier<RunnerStats> live = () -> null;

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("annals.projection.lag", this, m -> m.value(ProjectionMetrics::lag))
                .description("Records on the topic not yet applied by this instance's projector")
                .register(registry);
        counter("annals.projection.applied", "Events applied to the read model", s -> s.applied.get());
        counter("annals.projection.duplicates", "Records skipped as already applied", s -> s.duplicates.get());
        counter("annals.dlq", "Records copied to the dead-letter topic", s -> s.deadLettered.get());
    }

    /** Where the live runner's figures come from. */
    void watch(Supplier<RunnerStats> liveStats) {
        this.live = liveStats;
    }

    /** Called by the live runner with the partitions it consumes; adds a lag gauge for each new one. */
    void partitionsSeen(Set<Integer> seen) {
        for (Integer partition : seen) {
            if (partitions.add(partition)) {
                Gauge.builder("annals.projection.partition.lag", this, m -> m.value(s -> partitionLag(s, partition)))
                        .tag("partition", Integer.toString(partition))
                        .description("Records of one partition not yet applied by this instance")
                        .register(registry);
            }
        }
    }

    private void counter(String name, String description, ToDoubleFunction<RunnerStats> value) {
        FunctionCounter.builder(name, this, m -> m.value(value))
                .description(description)
                .register(registry);
    }

    private double value(ToDoubleFunction<RunnerStats> value) {
        RunnerStats stats = live.get();
        return stats == null ? 0 : value.applyAsDouble(stats);
    }

    private static long partitionLag(RunnerStats stats, int partition) {
        Long end = stats.endOffsets().get(partition);
        return end == null ? 0 : Math.max(0, end - stats.positions().getOrDefault(partition, 0L));
    }

    /** Records behind, summed over the partitions the runner consumes. */
    static long lag(RunnerStats stats) {
        Map<Integer, Long> positions = stats.positions();
        return stats.endOffsets().entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - positions.getOrDefault(e.getKey(), 0L)))
                .sum();
    }
}
