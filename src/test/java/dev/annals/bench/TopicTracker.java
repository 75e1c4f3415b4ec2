package dev.annals.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows {@code annals.events} from its end and checks, per benchmark timeline, that every acknowledged event
 * arrives, in sequence order ({@code ce_sequence} 1, 2, 3 ...; duplicates of earlier ones are allowed).
 */
final class TopicTracker implements AutoCloseable {

    /** Acknowledged version (the timeline's last sequence) and the contiguous prefix seen on the topic. */
    private static final class Timeline {
        final AtomicLong acked = new AtomicLong();
        volatile long onTopic;
    }

    private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
    private final String prefix;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile long lastAdvanceNanos;
    private volatile boolean running = true;
    private volatile String firstOutOfOrder;

    /** Tracks timelines whose id starts with {@code prefix}. */
    TopicTracker(String bootstrap, String topic, String prefix) {
        this.prefix = prefix;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::loop, "topic-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    /** A 201 answered {@code version} for {@code timeline}. */
    void acked(String timeline, long version) {
        timelines.computeIfAbsent(timeline, t -> new Timeline()).acked.accumulateAndGet(version, Math::max);
    }

    private void loop() {
        while (running) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                String key = r.key();
                if (key == null || !key.startsWith(prefix)) {
                    continue;
                }
                Header h = r.headers().lastHeader("ce_sequence");
                long seq = h == null ? -1 : Long.parseLong(new String(h.value(), StandardCharsets.UTF_8));
                Timeline t = timelines.computeIfAbsent(key, k -> new Timeline());
                if (seq == t.onTopic + 1) {
                    t.onTopic = seq;
                    lastAdvanceNanos = System.nanoTime();
                } else if (seq <= t.onTopic) {
                    duplicates.incrementAndGet();
                } else {
                    if (outOfOrder.getAndIncrement() == 0) {
                        firstOutOfOrder = key + ": sequence " + seq + " after " + t.onTopic;
                    }
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    /** Acknowledged events not (yet) on the topic. */
    long missing() {
        long missing = 0;
        for (Timeline t : timelines.values()) {
            missing += Math.max(0, t.acked.get() - t.onTopic);
        }
        return missing;
    }

    /** Waits until every acknowledged event is on the topic; returns whether they all arrived in time. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (missing() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** When the latest new event arrived. */
    long lastAdvanceNanos() {
        return lastAdvanceNanos;
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    String firstOutOfOrder() {
        return firstOutOfOrder;
    }

    long duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
