package dev.annals.testing;

/** Management view of the shared test infrastructure; JDK types only, so any class loader can use it. */
public interface SharedInfraMBean {
    String getKafkaBootstrapServers();

    String getJdbcUrl();

    String getJdbcUsername();

    String getJdbcPassword();

    boolean isKafkaEmbedded();

    boolean isKafkaRunning();

    void stopKafka();

    void startKafka();

    void restartKafka();
}
