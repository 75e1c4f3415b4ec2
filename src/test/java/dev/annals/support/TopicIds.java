package dev.annals.support;

import dev.annals.testing.AnnalsInfraResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads, per timeline, the ce_sequence headers of the topic in topic order, for processes outside Quarkus tests. */
public final class TopicIds {
    private TopicIds() {}

    /** For each timeline, the (ce_id, ce_sequence) of its records in topic order, until {@code done} or 60 s. */
    public static Map<String, List<String[]>> read(
            Collection<String> timelines, java.util.function.Predicate<Map<String, List<String[]>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        Map<String, List<String[]>> records = new HashMap<>();
        timelines.forEach(t -> records.put(t, new ArrayList<>()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TopicProbe.TOPIC, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(records) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    List<String[]> list = records.get(record.key());
                    if (list != null) {
                        list.add(new String[] {header(record, "ce_id"), header(record, "ce_sequence")});
                    }
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
