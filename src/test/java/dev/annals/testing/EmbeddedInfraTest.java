package dev.annals.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the embedded Kafka broker and PostgreSQL are real, restartable and persistent. */
class EmbeddedInfraTest {

    @Test
    void kafkaSurvivesStopAndRestartOnSamePort() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().start();
        try (broker) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("infra-test", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            send(bootstrap, "before-outage");

            broker.stop();
            assertFalse(broker.isRunning());
            broker.restart();
            assertEquals(bootstrap, broker.bootstrapServers());

            send(bootstrap, "after-outage");
            assertEquals(List.of("before-outage", "after-outage"), readAll(bootstrap, 2));
        }
        assertFalse(Files.exists(broker.logDir()), "throwaway log dir is deleted on close");
    }

    @Test
    void kafkaPersistentLogDirKeepsClusterIdAndRecords(@TempDir Path dir) throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0).start()) {
            clusterId = broker.clusterId();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("infra-test", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            send(broker.bootstrapServers(), "kept");
        }
        // a new instance on a new free port must reuse the formatted log dir
        try (EmbeddedKafkaBroker again = new EmbeddedKafkaBroker(dir, 0).start()) {
            assertEquals(clusterId, again.clusterId());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrapServers()))) {
                assertEquals(clusterId, admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS));
            }
            assertEquals(List.of("kept"), readAll(again.bootstrapServers(), 1));
        }
    }

    @Test
    void postgresRunsQueriesAndPersistentDataSurvivesRestart(@TempDir Path dir) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.startPersistent(dir);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            assertEquals(1, single(st, "select 1"));
            assertEquals("annals", singleText(st, "select current_database()"));
            assertTrue(singleText(st, "show server_version").startsWith("17."));
            st.execute("create table survivor(id int primary key)");
            st.execute("insert into survivor values (42)");
        } finally {
            db.stop();
        }
        assertFalse(db.isRunning());

        EmbeddedDatabase again = EmbeddedDatabase.startPersistent(dir);
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
                Statement st = c.createStatement()) {
            assertEquals(42, single(st, "select id from survivor"));
        } finally {
            again.stop();
        }
    }

    @Test
    void temporaryPostgresIsDeletedOnStop() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
        Path dir = db.dataDir();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement st = c.createStatement()) {
            assertEquals(1, single(st, "select 1"));
        } finally {
            db.stop();
        }
        assertFalse(Files.exists(dir));
    }

    private static void send(String bootstrap, String value) throws Exception {
        Map<String, Object> cfg = Map.of(
                "bootstrap.servers",
                bootstrap,
                "acks",
                "all",
                "key.serializer",
                StringSerializer.class.getName(),
                "value.serializer",
                StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cfg)) {
            producer.send(new ProducerRecord<>("infra-test", "k", value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        Map<String, Object> cfg = Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "infra-test-reader",
                "auto.offset.reset",
                "earliest",
                "key.deserializer",
                StringDeserializer.class.getName(),
                "value.deserializer",
                StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cfg)) {
            consumer.subscribe(Set.of("infra-test"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static int single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    private static String singleText(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
