package dev.annals.kafka;

import dev.annals.config.AnnalsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the Kafka cluster answers within {@code annals.health.kafka-timeout}. */
@Readiness
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
    private final KafkaTopics topics;
    private final AnnalsConfig config;
    private Admin admin;

    public KafkaHealthCheck(KafkaTopics topics, AnnalsConfig config) {
        this.topics = topics;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        long timeout = config.health().kafkaTimeout().toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
                    .nodes()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .size();
            return HealthCheckResponse.named("kafka")
                    .up()
                    .withData("brokers", nodes)
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka")
                    .down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = topics.clientConfig();
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "annals-health");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
