package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.kafka.KafkaTopics;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** On the single embedded broker a created topic gets replication 1 and min.insync.replicas 1, loudly warned. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class TopicCreationTest {
    @Inject
    KafkaTopics topics;

    @Test
    void aTopicCreatedOnOneBrokerHasReplicationOneAndItsWeaknessIsWarned() throws Exception {
        String topic = "annals.test.durability-" + UUID.randomUUID();
        topics.ensure(topic);
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers()))) {
            TopicDescription description = describe(admin, topic);
            description.partitions().forEach(p -> assertEquals(1, p.replicas().size()));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            ConfigEntry minInsync = config.get("min.insync.replicas");
            assertEquals("1", minInsync.value());
            assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, minInsync.source(), "set on the topic");
            List<String> created = topics.durabilityWarnings().get(topic);
            topics.forget();
            topics.ensure(topic); // now an existing topic: described and judged the same
            assertEquals(created, topics.durabilityWarnings().get(topic));
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        List<String> warnings = topics.durabilityWarnings().get(topic);
        assertEquals(3, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).contains("1 broker(s)"), warnings.get(0));
        assertTrue(topics.durabilityWarnings().get("annals.events").size() >= 2, "the events topic is warned too");
    }

    /** A topic just created may not be described by the broker yet. */
    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic);
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
