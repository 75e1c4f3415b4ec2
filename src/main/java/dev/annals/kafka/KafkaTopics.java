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
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Kafka client settings from {@code kafka.*}, and creation of Annals' topics when they are absent, as durable as
 * the cluster allows ({@link TopicDurability}); a topic that is not durable enough is logged loudly.
 */
@ApplicationScoped
public class KafkaTopics {
    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);
    private static final long DEAD_LETTER_RETENTION_MS = 30L * 24 * 60 * 60 * 1000;

    private final Map<String, Object> kafkaConfig;
    private final AnnalsConfig config;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> warnings = new ConcurrentHashMap<>();

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
            int brokers =
                    admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                create(admin, topic, brokers);
            } else {
                check(admin, topic, brokers);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ready.add(topic);
    }

    /** Durability warnings of the topics checked so far (empty when they are safe), by topic. */
    public Map<String, List<String>> durabilityWarnings() {
        return Map.copyOf(warnings);
    }

    /** Forget what was checked, e.g. after the broker was unreachable. */
    public void forget() {
        ready.clear();
    }

    private void create(Admin admin, String topic, int brokers)
            throws ExecutionException, InterruptedException, TimeoutException {
        short replication = TopicDurability.replicationFactor(config.topic().replicationFactor(), brokers);
        int minInsync = TopicDurability.minInsyncReplicas(config.topic().minInsyncReplicas(), replication);
        String retention = topic.equals(config.topic().name()) ? "-1" : Long.toString(DEAD_LETTER_RETENTION_MS);
        NewTopic newTopic = new NewTopic(topic, config.topic().partitions(), replication)
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        retention,
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        Integer.toString(minInsync)));
        admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        LOG.infof(
                "Created topic %s with %d partition(s), replication factor %d, min.insync.replicas %d",
                topic, config.topic().partitions(), replication, minInsync);
        // a topic just created may not be described yet: judge it by what it was created with
        warn(topic, TopicDurability.warnings(topic, brokers, replication, minInsync));
    }

    /** Judges an existing topic; a failure to describe it is logged, never in the way of publishing. */
    private void check(Admin admin, String topic, int brokers) throws InterruptedException {
        try {
            describe(admin, topic, brokers);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("Could not check the durability of topic %s: %s", topic, e.getMessage());
        }
    }

    private void describe(Admin admin, String topic, int brokers)
            throws ExecutionException, InterruptedException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic);
        int replication = description.partitions().stream()
                .mapToInt(p -> p.replicas().size())
                .min()
                .orElse(0);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config topicConfig = admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
        ConfigEntry entry = topicConfig.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        int minInsync = entry == null || entry.value() == null ? 1 : Integer.parseInt(entry.value());
        warn(topic, TopicDurability.warnings(topic, brokers, replication, minInsync));
    }

    private void warn(String topic, List<String> found) {
        if (found.equals(warnings.put(topic, found))) {
            return; // checked again after an outage: said already
        }
        for (String warning : found) {
            LOG.warnf("NOT DURABLE: %s (fine for a laptop, not for production)", warning);
        }
    }
}
