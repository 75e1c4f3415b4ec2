package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.kafka.KafkaTopics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Copies records the projection cannot apply to the dead-letter topic: same key, value and headers, plus
 * {@code annals_dlq_reason}, {@code annals_dlq_detail}, the source topic, partition and offset (together the key
 * to deduplicate by: a record can be dead-lettered twice when the projector stops between publishing and
 * committing), and the generation and runner ({@code live} or {@code rebuild}) that rejected it.
 */
@ApplicationScoped
public class DeadLetters {
    private final KafkaTopics topics;
    private final AnnalsConfig config;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaTopics topics, AnnalsConfig config) {
        this.topics = topics;
        this.config = config;
    }

    /** A rejected record and why. */
    public record DeadLetter(ConsumerRecord<String, byte[]> record, EventDecoder.Rejected rejection) {}

    /** Publishes and waits for every acknowledgement; throws when the broker did not take them all. */
    public synchronized void publish(List<DeadLetter> letters, int generation, boolean live)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (letters.isEmpty()) {
            return;
        }
        String topic = config.projection().deadLetterTopic();
        topics.ensure(topic);
        List<Future<?>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(producer().send(toRecord(topic, letter, generation, live)));
        }
        for (Future<?> future : sent) {
            future.get();
        }
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, DeadLetter letter, int generation, boolean live) {
        ConsumerRecord<String, byte[]> source = letter.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            headers.add(header);
        }
        add(headers, "annals_dlq_reason", letter.rejection().reason().wire());
        add(headers, "annals_dlq_detail", letter.rejection().detail());
        add(headers, "annals_dlq_topic", source.topic());
        add(headers, "annals_dlq_partition", Integer.toString(source.partition()));
        add(headers, "annals_dlq_offset", Long.toString(source.offset()));
        add(headers, "annals_dlq_generation", Integer.toString(generation));
        add(headers, "annals_dlq_runner", live ? "live" : "rebuild");
        return new ProducerRecord<>(topic, null, source.key(), source.value(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = topics.clientConfig();
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "annals-projector-dlq");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
