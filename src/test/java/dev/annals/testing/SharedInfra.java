package dev.annals.testing;

/** The one live Kafka + PostgreSQL pair of a test JVM (or the external ones), owned by the class loader that booted it. */
final class SharedInfra implements SharedInfraMBean {
    private final EmbeddedKafkaBroker broker;
    private final EmbeddedDatabase database;
    private final String bootstrapServers;
    private final String jdbcUrl;
    private final String jdbcUsername;
    private final String jdbcPassword;

    private SharedInfra(
            EmbeddedKafkaBroker broker,
            String bootstrapServers,
            EmbeddedDatabase database,
            String jdbcUrl,
            String jdbcUsername,
            String jdbcPassword) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUsername = jdbcUsername;
        this.jdbcPassword = jdbcPassword;
    }

    static SharedInfra boot() {
        String externalKafka =
                System.getProperty(AnnalsInfraResource.KAFKA_PROPERTY, "").trim();
        String externalJdbc =
                System.getProperty(AnnalsInfraResource.JDBC_URL_PROPERTY, "").trim();
        EmbeddedKafkaBroker broker = externalKafka.isEmpty() ? new EmbeddedKafkaBroker().start() : null;
        EmbeddedDatabase database = null;
        try {
            database = externalJdbc.isEmpty() ? EmbeddedDatabase.startTemporary() : null;
        } finally {
            if (database == null && externalJdbc.isEmpty() && broker != null) {
                broker.close();
            }
        }
        return new SharedInfra(
                broker,
                broker != null ? broker.bootstrapServers() : externalKafka,
                database,
                database != null ? database.jdbcUrl() : externalJdbc,
                database != null
                        ? database.username()
                        : System.getProperty(AnnalsInfraResource.JDBC_USERNAME_PROPERTY, "postgres"),
                database != null
                        ? database.password()
                        : System.getProperty(AnnalsInfraResource.JDBC_PASSWORD_PROPERTY, ""));
    }

    synchronized void shutdown() {
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Override
    public String getKafkaBootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String getJdbcUsername() {
        return jdbcUsername;
    }

    @Override
    public String getJdbcPassword() {
        return jdbcPassword;
    }

    @Override
    public boolean isKafkaEmbedded() {
        return broker != null;
    }

    @Override
    public synchronized boolean isKafkaRunning() {
        return broker != null && broker.isRunning();
    }

    @Override
    public synchronized void stopKafka() {
        embedded().stop();
    }

    @Override
    public synchronized void startKafka() {
        embedded().start();
    }

    @Override
    public synchronized void restartKafka() {
        embedded().restart();
    }

    private EmbeddedKafkaBroker embedded() {
        if (broker == null) {
            throw new IllegalStateException("Kafka is external (" + bootstrapServers + "); tests cannot stop it");
        }
        return broker;
    }
}
