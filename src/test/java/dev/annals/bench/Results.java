package dev.annals.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured, filled in by {@link BenchRunner} and rendered by {@link Report}. */
final class Results {

    /** One append step with what the topic saw of it. */
    record AppendRow(
            LoadGenerator.Step step,
            double topicEventsPerSecond,
            double drainMs,
            boolean allOnTopic,
            double appCpuPercent,
            double benchCpuPercent) {}

    final Map<String, String> machine = new LinkedHashMap<>();
    final Map<String, String> settings = new LinkedHashMap<>();
    final List<PgBench.Result> pgbench = new ArrayList<>();
    final List<AppendRow> appends = new ArrayList<>();
    final List<QueryScenario.Row> queries = new ArrayList<>();
    final List<JvmComparison.Row> jvms = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    KafkaBaseline.Result producer;
    Freshness.Result freshness;
    ProjectionScenario.Result projection;
    LiveScenario.Result live;
    final List<ImportScenario.Step> imports = new ArrayList<>();
    double startToReadyMs = Double.NaN;
    long idleRssKb = -1;
    long peakRssKb = -1;
    long hwmKb = -1;
    double loadBefore;
    double loadAfter;
    double seconds;

    void fail(String message) {
        BenchRunner.log("FAILED: " + message);
        failures.add(message);
    }

    /** pgbench rows/s of the {@code rows}-row script at {@code clients} clients, NaN if not measured. */
    double pg(int rows, int clients) {
        return PgBench.perClients(pgbench, rows, clients);
    }

    /** Baseline of scenario 3: pgbench 100-row rows/s at 8 clients, or at the measured client count nearest to 8. */
    double projectionBaseline() {
        return pgbench.stream()
                .filter(p -> p.rowsPerTx() == 100)
                .min(java.util.Comparator.comparingInt(p -> Math.abs(p.clients() - 8)))
                .map(PgBench.Result::rowsPerSecond)
                .orElse(Double.NaN);
    }
}
