package dev.annals.bench;

import dev.annals.testing.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The servers under the benchmark: an embedded PostgreSQL 17 (persistent mode: fsync on) or the one named by
 * {@code BENCH_JDBC_URL}, and a single-node Kafka broker in its own JVM ({@link KafkaMain}) or {@code BENCH_KAFKA}.
 */
public final class Infra implements AutoCloseable {

    private final BenchConfig config;
    private EmbeddedDatabase database;
    private Process kafkaProcess;
    private String jdbcUrl;
    private String bootstrap;

    Infra(BenchConfig config) {
        this.config = config;
    }

    /** Starts (or connects to) PostgreSQL and Kafka; embedded data lives in a fresh {@code target/bench/data}. */
    Infra start() throws Exception {
        Path data = config.workDir().resolve("data");
        if (config.jdbcUrl() == null || config.kafka() == null) {
            deleteRecursively(data);
            Files.createDirectories(data);
        }
        if (config.jdbcUrl() != null) {
            jdbcUrl = config.jdbcUrl();
            BenchRunner.log("using external PostgreSQL " + jdbcUrl);
        } else {
            BenchRunner.log("starting embedded PostgreSQL in " + data.resolve("postgres"));
            database = EmbeddedDatabase.startPersistent(data.resolve("postgres"));
            jdbcUrl = database.jdbcUrl();
        }
        if (config.kafka() != null) {
            bootstrap = config.kafka();
            BenchRunner.log("using external Kafka " + bootstrap);
        } else {
            bootstrap = startKafka(data.resolve("kafka"));
        }
        return this;
    }

    private String startKafka(Path dir) throws Exception {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xms256m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                "-Djava.io.tmpdir=" + config.workDir(),
                "-cp",
                System.getProperty("java.class.path"),
                KafkaMain.class.getName(),
                dir.toString()));
        BenchRunner.log("starting Kafka broker JVM (data in " + dir + ")");
        kafkaProcess = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(config.workDir().resolve("kafka.log").toFile())
                .start();
        Path ready = dir.resolve("bootstrap.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(ready)) {
            if (!kafkaProcess.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kafka broker did not start, see " + config.workDir().resolve("kafka.log"));
            }
            Thread.sleep(100);
        }
        return Files.readString(ready).trim();
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String jdbcUser() {
        return database != null ? database.username() : config.jdbcUser();
    }

    String jdbcPassword() {
        return database != null ? database.password() : config.jdbcPassword();
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Pid of the broker JVM, or -1 when the broker is external. */
    long kafkaPid() {
        return kafkaProcess == null ? -1 : kafkaProcess.pid();
    }

    boolean embeddedKafka() {
        return kafkaProcess != null;
    }

    boolean embeddedDatabase() {
        return database != null;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser(), jdbcPassword());
    }

    /** One value from a query (e.g. {@code show fsync}). */
    String sqlValue(String sql) {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        return Admin.create(p);
    }

    @Override
    public void close() {
        if (kafkaProcess != null && kafkaProcess.isAlive()) {
            BenchRunner.log("stopping Kafka");
            try {
                kafkaProcess.getOutputStream().close();
                if (!kafkaProcess.waitFor(30, TimeUnit.SECONDS)) {
                    kafkaProcess.destroy();
                    if (!kafkaProcess.waitFor(10, TimeUnit.SECONDS)) {
                        kafkaProcess.destroyForcibly();
                    }
                }
            } catch (IOException | InterruptedException e) {
                kafkaProcess.destroyForcibly();
            }
        }
        if (database != null) {
            BenchRunner.log("stopping PostgreSQL");
            database.stop();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
