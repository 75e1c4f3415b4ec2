package dev.annals.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server (zonky embedded binaries) with a database named {@value #DATABASE}.
 *
 * <p>As root, zonky runs initdb/pg_ctl through {@code unshare -U}: PostgreSQL then sees itself as
 * uid 65534 (not root) and still owns the root-created data dir, so no extra user is needed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "annals";
    private static final String USER = "postgres";

    private final Path dataDir;
    private final boolean persistent;
    private EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDir, boolean persistent) {
        this.dataDir = dataDir.toAbsolutePath();
        this.persistent = persistent;
    }

    /** Starts a throwaway server whose data dir lives under {@code java.io.tmpdir} and is deleted on stop. */
    public static EmbeddedDatabase startTemporary() {
        return new EmbeddedDatabase(InfraSupport.freshTempDir("embedded-pg-data", "pg-"), false).start();
    }

    /** Starts a server on {@code dataDir}, running initdb only if the dir holds no cluster yet; data survives stop. */
    public static EmbeddedDatabase startPersistent(Path dataDir) {
        return new EmbeddedDatabase(dataDir, true).start();
    }

    private EmbeddedDatabase start() {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster();
            InfraSupport.quiet();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", persistent ? "on" : "off")
                    .setServerConfig("synchronous_commit", persistent ? "on" : "off")
                    .setServerConfig("full_page_writes", persistent ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "32MB")
                    .start();
            createDatabaseIfMissing();
            return this;
        } catch (IOException | SQLException e) {
            close();
            throw new IllegalStateException("Embedded PostgreSQL failed to start in " + dataDir, e);
        }
    }

    /** {@code jdbc:postgresql://localhost:<port>/annals}. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** JDBC URL of another database on this server, e.g. {@code postgres}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** Any password is accepted (trust authentication); this one is returned for config completeness. */
    public String password() {
        return USER;
    }

    public int port() {
        requireRunning();
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server (fast shutdown); a temporary data dir is deleted, a persistent one kept. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        EmbeddedPostgres running = postgres;
        postgres = null;
        try {
            running.close();
        } catch (IOException e) {
            System.err.println("Embedded PostgreSQL shutdown failed: " + e);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password());
                Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    /** A postmaster left running by a killed JVM would keep the data dir locked. */
    private void stopOrphanedPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                .findFirst()
                .orElse("")
                .trim();
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessHandle.of(Long.parseLong(first))
                    .filter(p -> p.info()
                            .command()
                            .map(cmd -> cmd.endsWith("/postgres"))
                            .orElse(false));
        } catch (NumberFormatException e) {
            return;
        }
        if (orphan.isPresent()) {
            System.err.println("Stopping orphaned PostgreSQL postmaster " + first + " on " + dataDir);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
    }

    private void requireRunning() {
        if (postgres == null) {
            throw new IllegalStateException("Embedded PostgreSQL is not running");
        }
    }
}
