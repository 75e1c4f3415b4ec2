package dev.annals.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** A real single-node Apache Kafka KRaft broker (combined broker + controller) running in this JVM. */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final boolean throwaway;
    private int port;
    private int controllerPort;
    private String clusterId;
    private KafkaRaftServer server;

    /** A throwaway broker: fresh log dir under {@code java.io.tmpdir}, free port. */
    public EmbeddedKafkaBroker() {
        this(InfraSupport.freshTempDir("embedded-kafka", "kafka-"), 0, true);
    }

    /**
     * A broker keeping its log in {@code logDir} (formatted on first start, reused afterwards),
     * listening on {@code port} (0 picks a free one).
     */
    public EmbeddedKafkaBroker(Path logDir, int port) {
        this(logDir, port, false);
    }

    private EmbeddedKafkaBroker(Path logDir, int port, boolean throwaway) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.throwaway = throwaway;
    }

    /** Starts the broker; formats the log dir only if it does not hold a formatted KRaft log yet. */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        preventJvmExit();
        InfraSupport.quiet();
        if (port == 0) {
            port = InfraSupport.freePort(HOST);
        }
        if (controllerPort == 0) {
            controllerPort = InfraSupport.freePort(HOST);
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties());
        try {
            Files.createDirectories(logDir);
            if (isFormatted()) {
                clusterId = readClusterId();
            } else {
                format(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka log dir " + logDir, e);
        }
        // Kafka loads plugins through the context class loader and its threads inherit it; under
        // @QuarkusTest that is an app class loader holding its own copy of the Kafka classes.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            KafkaRaftServer created = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                created.startup();
            } catch (RuntimeException e) {
                shutdownQuietly(created);
                throw new IllegalStateException("Kafka broker failed to start on " + bootstrapServers(), e);
            }
            server = created;
        } finally {
            thread.setContextClassLoader(previous);
        }
        return this;
    }

    /** Stops the broker (controlled shutdown); log dir, ports and cluster id are kept for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        shutdownQuietly(running);
    }

    /** Stops and starts the broker again on the same port and log dir. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Stops the broker for good; a throwaway broker also deletes its log dir. */
    @Override
    public synchronized void close() {
        stop();
        if (throwaway) {
            InfraSupport.deleteRecursively(logDir);
        }
    }

    /** {@code 127.0.0.1:<port>}; the port is fixed at the first start. */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("Broker not started yet");
        }
        return HOST + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized String clusterId() {
        return clusterId;
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small thread pools and buffers: the default cleaner buffer alone is 128 MiB
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("socket.send.buffer.bytes", String.valueOf(128 * 1024));
        p.put("socket.receive.buffer.bytes", String.valueOf(128 * 1024));
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        // a lone node need not wait long for itself during elections and shutdown
        p.put("controller.quorum.election.timeout.ms", "1000");
        p.put("controller.quorum.fetch.timeout.ms", "2000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        p.put("controlled.shutdown.enable", "true");
        return p;
    }

    private void format(KafkaConfig config) {
        clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log dir " + logDir, e);
        }
    }

    private boolean isFormatted() {
        return Files.isRegularFile(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME));
    }

    private String readClusterId() throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id");
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("Kafka broker shutdown failed: " + e);
        }
    }

    /** Kafka halts the JVM on fatal errors; in a test JVM a failing test is the better outcome. */
    private static void preventJvmExit() {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka requested exit(" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka requested halt(" + status + "): " + message);
        });
    }
}
