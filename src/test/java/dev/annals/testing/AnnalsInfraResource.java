package dev.annals.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.StandardMBean;

/**
 * Quarkus test resource giving every {@code @QuarkusTest} one JVM-wide Kafka broker and PostgreSQL.
 *
 * <p>Quarkus loads test classes in a fresh class loader whenever it restarts the application
 * (other profile or resources), so plain static fields would start a second pair. The pair is
 * therefore registered as a platform MBean (JVM-global, JDK types only) and every static accessor
 * here goes through it. Everything is stopped by a JVM shutdown hook, never by {@link #stop()}.
 *
 * <p>System properties {@value #KAFKA_PROPERTY} and {@value #JDBC_URL_PROPERTY} (with
 * {@value #JDBC_USERNAME_PROPERTY} / {@value #JDBC_PASSWORD_PROPERTY}) select an external
 * Kafka / PostgreSQL instead of the embedded one.
 */
public class AnnalsInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_PROPERTY = "annals.test.kafka.bootstrap-servers";
    public static final String JDBC_URL_PROPERTY = "annals.test.jdbc.url";
    public static final String JDBC_USERNAME_PROPERTY = "annals.test.jdbc.username";
    public static final String JDBC_PASSWORD_PROPERTY = "annals.test.jdbc.password";

    private static final String MBEAN_NAME = "dev.annals.testing:type=AnnalsInfra";

    @Override
    public Map<String, String> start() {
        ensureStarted();
        TestTokens.keys();
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", jdbcUsername(),
                "quarkus.datasource.password", jdbcPassword());
    }

    /** Intentionally empty: the infrastructure is shared by all test classes and stopped at JVM exit. */
    @Override
    public void stop() {}

    /** Starts the shared infrastructure unless this JVM already has it; safe to call repeatedly. */
    public static void ensureStarted() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        synchronized (server) {
            if (server.isRegistered(name())) {
                return;
            }
            // Boot through the system class loader when it can see this class (surefire): a Quarkus
            // app class loader is closed when its application stops, the servers must outlive it.
            Class<?> owner = AnnalsInfraResource.class;
            try {
                owner = Class.forName(AnnalsInfraResource.class.getName(), true, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not on the system class path (e.g. some IDE runners): this loader owns the servers
            }
            try {
                Method register = owner.getDeclaredMethod("register", MBeanServer.class);
                register.setAccessible(true);
                register.invoke(null, server);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot boot shared test infrastructure", e);
            }
        }
    }

    private static void register(MBeanServer server) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AnnalsInfraResource.class.getClassLoader());
        try {
            SharedInfra infra = SharedInfra.boot();
            try {
                server.registerMBean(new StandardMBean(infra, SharedInfraMBean.class), name());
            } catch (JMException e) {
                infra.shutdown();
                throw new IllegalStateException("Cannot register shared test infrastructure", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "annals-test-infra-shutdown"));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static String kafkaBootstrapServers() {
        return (String) attribute("KafkaBootstrapServers");
    }

    public static String jdbcUrl() {
        return (String) attribute("JdbcUrl");
    }

    public static String jdbcUsername() {
        return (String) attribute("JdbcUsername");
    }

    public static String jdbcPassword() {
        return (String) attribute("JdbcPassword");
    }

    /** A plain JDBC connection to the shared test database, as a test's own client (not the app's pools). */
    public static java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(), jdbcUsername(), jdbcPassword());
    }

    /** How many journal rows the timeline has, read straight from the shared test database. */
    public static long journalRows(String timelineId) {
        try (java.sql.Connection c = connect();
                java.sql.PreparedStatement s =
                        c.prepareStatement("select count(*) from journal where timeline_id = ?")) {
            s.setString(1, timelineId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** False when {@value #KAFKA_PROPERTY} points at an external broker that tests cannot stop. */
    public static boolean isKafkaEmbedded() {
        return (Boolean) attribute("KafkaEmbedded");
    }

    public static boolean isKafkaRunning() {
        return (Boolean) attribute("KafkaRunning");
    }

    /** Stops the embedded broker to simulate an outage; its port and data are kept. */
    public static void stopKafka() {
        operation("stopKafka");
    }

    /** Starts the embedded broker again on the same port and log dir. */
    public static void startKafka() {
        operation("startKafka");
    }

    /** Stops and starts the embedded broker on the same port and log dir. */
    public static void restartKafka() {
        operation("restartKafka");
    }

    private static Object attribute(String attribute) {
        ensureStarted();
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(name(), attribute);
        } catch (JMException | RuntimeMBeanException e) {
            throw unwrap(e);
        }
    }

    private static void operation(String operation) {
        ensureStarted();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(name(), operation, new Object[0], new String[0]);
        } catch (JMException | RuntimeMBeanException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(Exception e) {
        if (e instanceof RuntimeMBeanException rme) {
            return rme.getTargetException();
        }
        if (e instanceof MBeanException me && me.getTargetException() instanceof RuntimeException re) {
            return re;
        }
        return new IllegalStateException("Shared test infrastructure call failed", e);
    }

    private static ObjectName name() {
        try {
            return new ObjectName(MBEAN_NAME);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
