package dev.annals.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durability rule for Annals' topics: replication factor min(3, brokers) unless configured, and
 * {@code min.insync.replicas} one less (at least 1), so that {@code acks=all} survives one broker loss.
 */
public final class TopicDurability {
    /** Replicas a production topic should have. */
    public static final int SAFE_REPLICATION = 3;
    /** {@code min.insync.replicas} a production topic should have. */
    public static final int SAFE_MIN_INSYNC = 2;

    private TopicDurability() {}

    /** Replication of a topic to create: what was configured, or as much as the cluster allows up to 3. */
    public static short replicationFactor(Optional<Short> configured, int brokers) {
        return configured.orElse((short) Math.max(1, Math.min(SAFE_REPLICATION, brokers)));
    }

    /** {@code min.insync.replicas} of a topic to create: what was configured, or replication - 1, at least 1. */
    public static int minInsyncReplicas(Optional<Integer> configured, short replicationFactor) {
        return configured.orElse(Math.max(1, replicationFactor - 1));
    }

    /** What is unsafe about a topic on this cluster; empty when nothing is. */
    public static List<String> warnings(String topic, int brokers, int replicationFactor, int minInsyncReplicas) {
        List<String> warnings = new ArrayList<>();
        if (brokers < SAFE_REPLICATION) {
            warnings.add("the Kafka cluster has " + brokers + " broker(s), fewer than " + SAFE_REPLICATION
                    + ": losing one loses acknowledged events of " + topic);
        }
        if (replicationFactor < SAFE_REPLICATION) {
            warnings.add("topic " + topic + " has replication factor " + replicationFactor + " (< " + SAFE_REPLICATION
                    + ")");
        }
        if (minInsyncReplicas < SAFE_MIN_INSYNC) {
            warnings.add("topic " + topic + " has min.insync.replicas " + minInsyncReplicas + " (< " + SAFE_MIN_INSYNC
                    + "): acks=all is acknowledged by a single replica");
        }
        return warnings;
    }
}
