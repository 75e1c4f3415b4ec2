package dev.annals.kafka;

import dev.annals.config.AnnalsConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Kafka client settings from {@code kafka.*}, and creation of Annals' topics when they are absent. */
@ApplicationScoped
public class KafkaTopics {
    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);
    private static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    private final Map<String, Object> kafkaConfig;
    private final AnnalsConfig config;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();

    public KafkaTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AnnalsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /** A fresh, mutable copy of the {@code kafka.*} client properties. */
    public Map<String, Object> clientConfig() {
        return new HashMap<>(kafkaConfig);
    }

    /**
     * Creates the topic with the configured partitions and replication unless it exists or creation is off. The
     * events topic is the replayable log, so it keeps everything; the dead-letter topic keeps 30 days.
     */
    public void ensure(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        if (!config.topic().create() || ready.contains(topic)) {
            return;
        }
        try (Admin admin = Admin.create(clientConfig())) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                String retention = topic.equals(config.topic().name()) ? "-1" : Long.toString(DEAD_LETTER_RETENTION_MS);
                NewTopic newTopic = new NewTopic(
                                topic,
                                config.topic().partitions(),
                                config.topic().replicationFactor())
                        .configs(Map.of("retention.ms", retention, "cleanup.policy", "delete"));
                admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                LOG.infof(
                        "Created topic %s with %d partition(s)",
                        topic, config.topic().partitions());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ready.add(topic);
    }

    /** Forget what was checked, e.g. after the broker was unreachable. */
    public void forget() {
        ready.clear();
    }
}
