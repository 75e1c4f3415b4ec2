package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** Consumer set-up and lag bookkeeping of the projector runners. */
final class ProjectorConsumers {
    private static final Logger LOG = Logger.getLogger(ProjectorConsumers.class);

    private ProjectorConsumers() {}

    /** Refreshes positions and end offsets at most once a second (or now when {@code always}); returns the time. */
    static long refreshLag(
            KafkaConsumer<String, byte[]> c,
            RunnerStats stats,
            long lastCheck,
            boolean always,
            ProjectionMetrics metrics) {
        long now = System.nanoTime();
        if (!always && now - lastCheck < 1_000_000_000L) {
            return lastCheck;
        }
        Set<TopicPartition> assigned = c.assignment();
        Map<Integer, Long> positions = new HashMap<>();
        Map<Integer, Long> ends = new HashMap<>();
        try {
            c.endOffsets(assigned, Duration.ofSeconds(2)).forEach((tp, end) -> ends.put(tp.partition(), end));
            for (TopicPartition tp : assigned) {
                positions.put(tp.partition(), c.position(tp, Duration.ofSeconds(2)));
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            // broker unreachable: keep the last figures, and keep the consumer (and its group membership)
            LOG.debugf("Lag not refreshed: %s", e.getMessage());
            return now;
        }
        stats.offsets(positions, ends);
        if (metrics != null) {
            metrics.partitionsSeen(ends.keySet());
        }
        return now;
    }

    /** Whether every assigned partition is read up to its end. */
    static boolean caughtUp(RunnerStats stats) {
        Map<Integer, Long> positions = stats.positions();
        return !positions.isEmpty()
                && stats.endOffsets().entrySet().stream()
                        .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** A consumer for the live runner (in the group) or a rebuild runner (no group, manual assignment). */
    static KafkaConsumer<String, byte[]> create(ProjectorContext ctx, boolean live, int generation) {
        Map<String, Object> props = ctx.topics().clientConfig();
        AnnalsConfig.Projection settings = ctx.config().projection();
        if (live) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
            // KIP-848 by default: incremental, broker-driven rebalances instead of stop-the-world ones
            props.putIfAbsent(ConsumerConfig.GROUP_PROTOCOL_CONFIG, settings.groupProtocol());
        } else {
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // fetch.min.bytes stays 1 so that a fetch answers as soon as anything is there (freshness; fetch.max.wait
        // then never delays), but one fetch may carry a whole batch of ~1 KiB events from a single partition
        // when catching up; a kafka.max.partition.fetch.bytes property overrides it
        props.putIfAbsent(
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Math.max(ConsumerConfig.DEFAULT_MAX_PARTITION_FETCH_BYTES, settings.maxPollRecords() * 2048));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, live ? "annals-projector" : "annals-rebuild-" + generation);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
