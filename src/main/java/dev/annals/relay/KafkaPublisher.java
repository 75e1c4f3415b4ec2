package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import dev.annals.kafka.KafkaTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The relay's Kafka side: creates the topic when absent and owns an idempotent producer ({@code acks=all}, up to
 * five requests in flight, which the idempotent producer keeps in order per partition). On the first failed send
 * it closes the producer at once, so nothing queued behind the failure is written out of order.
 */
@ApplicationScoped
public class KafkaPublisher {
    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class);

    private final KafkaTopics topics;
    private final AnnalsConfig config;
    private KafkaProducer<String, byte[]> producer;

    public KafkaPublisher(KafkaTopics topics, AnnalsConfig config) {
        this.topics = topics;
        this.config = config;
    }

    /** Creates the events topic when it does not exist yet. */
    void ensureTopic() throws ExecutionException, InterruptedException, TimeoutException {
        topics.ensure(config.topic().name());
    }

    /** What became of one record of a publish. */
    enum Outcome {
        ACKED,
        /**
         * Refused: the first failure of the publish, a record failing with the very same error, or a record left
         * unwritten in a partition that failed (a partition whose leader is gone fails slowly, one batch at a time).
         */
        FAILED,
        /** Not written because an earlier record failed (the producer was closed to keep the order). */
        ABORTED
    }

    /**
     * Sends the records in order and waits for every acknowledgement; after the first failure nothing more is
     * sent and what is still queued is aborted.
     *
     * @return for each record, what became of it
     */
    synchronized Outcome[] publish(List<ProducerRecord<String, byte[]>> records) throws InterruptedException {
        KafkaProducer<String, byte[]> current = producer();
        Outcome[] outcomes = new Outcome[records.size()];
        int[] partitions = new int[records.size()];
        Arrays.fill(partitions, -1);
        Failure failure = new Failure(current, outcomes);
        List<Future<?>> futures = new ArrayList<>(records.size());
        for (int i = 0; i < records.size() && !failure.happened(); i++) {
            int index = i;
            try {
                futures.add(current.send(records.get(i), (metadata, error) -> {
                    // on an error the metadata still names the partition (or -1 when none was chosen)
                    partitions[index] = metadata == null ? -1 : metadata.partition();
                    if (error == null) {
                        outcomes[index] = Outcome.ACKED;
                    } else {
                        failure.record(index, error);
                    }
                }));
            } catch (RuntimeException e) {
                failure.record(index, e);
            }
        }
        try {
            current.flush();
        } catch (RuntimeException e) {
            LOG.debugf("Kafka flush failed: %s", e.getMessage());
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                // the callback said what happened
            }
        }
        if (failure.happened()) {
            LOG.warnf("Kafka did not acknowledge a record: %s", failure.first.getMessage());
            reset();
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = Outcome.ABORTED;
            }
        }
        return holdFailedPartitions(outcomes, partitions);
    }

    /**
     * Records aborted in a partition where a record failed count as failed too, so their timelines are held back
     * with it and the next rounds do not wait on that partition again while the others flow.
     */
    static Outcome[] holdFailedPartitions(Outcome[] outcomes, int[] partitions) {
        Set<Integer> failed = new HashSet<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == Outcome.FAILED && partitions[i] >= 0) {
                failed.add(partitions[i]);
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == Outcome.ABORTED && failed.contains(partitions[i])) {
                outcomes[i] = Outcome.FAILED;
            }
        }
        return outcomes;
    }

    /** The first failed record of a publish; it closes the producer at once so nothing overtakes it. */
    private static final class Failure {
        private final KafkaProducer<String, byte[]> producer;
        private final Outcome[] outcomes;
        private volatile Exception first;

        Failure(KafkaProducer<String, byte[]> producer, Outcome[] outcomes) {
            this.producer = producer;
            this.outcomes = outcomes;
        }

        boolean happened() {
            return first != null;
        }

        void record(int index, Exception error) {
            boolean isFirst;
            synchronized (this) {
                isFirst = first == null;
                if (isFirst) {
                    first = error;
                }
                outcomes[index] = error == first ? Outcome.FAILED : Outcome.ABORTED;
            }
            if (isFirst) {
                // outside the lock: closing from this thread joins the I/O thread, whose callbacks take it
                producer.close(Duration.ZERO);
            }
        }
    }

    /** Drops the producer; the next publish starts a fresh one. */
    synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        topics.forget();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = topics.clientConfig();
            long delivery = config.relay().deliveryTimeout().toMillis();
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            // the idempotent producer keeps per-partition order with up to 5 requests in flight
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, delivery / 2));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, delivery);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "annals-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
