package dev.annals.support;

import dev.annals.testing.AnnalsInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads the events topic from the beginning with a plain Kafka consumer, as any subscriber would. */
public final class TopicProbe {
    public static final String TOPIC = "annals.events";

    private TopicProbe() {}

    /** Every record keyed by {@code timelineId}, polling until {@code done} holds for them or the timeout passes. */
    public static List<ConsumerRecord<String, String>> records(
            String timelineId, Duration timeout, Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = waitForPartitions(consumer, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (timelineId.equals(record.key())) {
                        matching.add(record);
                    }
                }
                if (done.test(matching)) {
                    break;
                }
            }
        }
        return matching;
    }

    /** Reads for the whole {@code window}, to prove that nothing (more) arrives. */
    public static List<ConsumerRecord<String, String>> recordsWithin(String timelineId, Duration window) {
        return records(timelineId, window, list -> false);
    }

    /** A producer to the shared test broker, for records Annals did not write (anyone can write to a topic). */
    public static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<TopicPartition> waitForPartitions(KafkaConsumer<String, String> consumer, long deadline) {
        while (true) {
            var infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("topic " + TOPIC + " does not exist");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
