package dev.annals.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test helpers: make the projector's decoder reject one event (as a changed decoder would), read dead letters. */
public final class DecoderFaults {
    public static final String DLQ = "annals.events.dlq";

    private DecoderFaults() {}

    /** From now on the decoder rejects the record of event {@code eventId} as invalid data. */
    public static void reject(EventDecoder decoder, String eventId, String detail) {
        decoder.injectFault(record -> eventId.equals(EventDecoder.header(record, "ce_id"))
                ? new EventDecoder.Rejected(DeadLetterReason.INVALID_DATA, detail)
                : null);
    }

    public static void clear(EventDecoder decoder) {
        decoder.injectFault(null);
    }

    /** Dead letters of event {@code eventId}, read from the start of the DLQ until {@code done} holds (or 30 s). */
    public static List<ConsumerRecord<String, byte[]>> deadLetters(
            String bootstrap, String eventId, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(DLQ, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(found) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (eventId.equals(header(record, "ce_id"))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
