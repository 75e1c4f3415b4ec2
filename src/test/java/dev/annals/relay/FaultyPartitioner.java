package dev.annals.relay;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.errors.ApiException;

/**
 * A producer partitioner (set with {@code kafka.partitioner.class}) that places keys as Kafka's default does but
 * makes the producer refuse every record of the timelines in {@link #FAILING}: a fault of one key, injected in
 * the real producer's send path.
 */
public class FaultyPartitioner implements Partitioner {
    /** Timelines whose records the producer refuses. */
    public static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    /** The injected refusal; an API error, so the producer reports it to the record's callback. */
    public static final class InjectedFault extends ApiException {
        InjectedFault(String message) {
            super(message);
        }
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        if (key != null && FAILING.contains(key.toString())) {
            throw new InjectedFault("injected fault for key " + key);
        }
        int partitions = cluster.partitionsForTopic(topic).size();
        return keyBytes == null ? 0 : BuiltInPartitioner.partitionForKey(keyBytes, partitions);
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
