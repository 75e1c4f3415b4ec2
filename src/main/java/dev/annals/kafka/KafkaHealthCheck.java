package dev.annals.kafka;

import dev.annals.config.AnnalsConfig;
import dev.annals.config.HealthGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Dependencies health group (not readiness): the Kafka cluster answers within {@code annals.health.kafka-timeout}. */
@HealthGroup(HealthGroups.DEPENDENCIES)
@Startup
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
    private static final long GAUGE_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private final KafkaTopics topics;
    private final AnnalsConfig config;
    private Admin admin;
    private volatile boolean lastUp;
    private volatile long lastCheckedNanos = System.nanoTime() - GAUGE_MAX_AGE_NANOS;

    public KafkaHealthCheck(KafkaTopics topics, AnnalsConfig config, MeterRegistry registry) {
        this.topics = topics;
        this.config = config;
        Gauge.builder("annals.kafka.up", this, KafkaHealthCheck::gaugeValue)
                .description("1 when this instance reached the Kafka cluster at its last check (at most 15 s old)")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = check();
        lastUp = response.getStatus() == HealthCheckResponse.Status.UP;
        lastCheckedNanos = System.nanoTime();
        return response;
    }

    private double gaugeValue() {
        if (System.nanoTime() - lastCheckedNanos > GAUGE_MAX_AGE_NANOS) {
            call();
        }
        return lastUp ? 1 : 0;
    }

    private HealthCheckResponse check() {
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
