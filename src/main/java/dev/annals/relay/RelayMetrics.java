package dev.annals.relay;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

/** Relay figures: {@code annals_outbox_backlog}, {@code annals_relay_published_total}, {@code annals_relay_latency}. */
@ApplicationScoped
public class RelayMetrics {
    private final AgroalDataSource dataSource;
    private final Counter published;
    private final Timer latency;

    public RelayMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.published = Counter.builder("annals.relay.published")
                .description("Events published to Kafka")
                .register(registry);
        this.latency = Timer.builder("annals.relay.latency")
                .description("From the append's commit to the broker's acknowledgement")
                .register(registry);
        Gauge.builder("annals.outbox.backlog", this, m -> {
                    try {
                        return m.backlog();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Appends committed but not yet published")
                .register(registry);
    }

    /** Outbox rows not yet published. */
    public long backlog() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from outbox")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unreadable: " + e.getMessage(), e);
        }
    }

    void published(int events, OffsetDateTime committedAt) {
        published.increment(events);
        latency.record(Duration.between(committedAt, OffsetDateTime.now()));
    }
}
