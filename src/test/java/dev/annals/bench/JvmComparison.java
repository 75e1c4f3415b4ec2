package dev.annals.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Footprint and throughput of the app under two sets of JVM flags (the run's, and {@code BENCH_COMPARE_JVM},
 * G1 by default), each on a fresh start against the same servers: start to ready, idle RSS, a single-event step at
 * 32 connections and a batch step at 8, peak RSS.
 */
final class JvmComparison {
    static final String DEFAULT_ALTERNATIVE =
            "-Xms64m -Xmx256m -XX:+UseG1GC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints";

    /** One flag set's figures. */
    record Row(
            String flags,
            double startToReadyMs,
            long idleRssKb,
            LoadGenerator.Step single,
            LoadGenerator.Step batch,
            long peakRssKb) {}

    private final BenchConfig config;
    private final Infra infra;

    JvmComparison(BenchConfig config, Infra infra) {
        this.config = config;
        this.infra = infra;
    }

    List<Row> run(List<String> flagSets) throws Exception {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String flags : flagSets) {
            n++;
            try (AppProcess app = new AppProcess(config, infra, flags);
                    TopicTracker tracker = new TopicTracker(infra.bootstrap(), BenchRunner.TOPIC, "bench-")) {
                app.start("jvm-" + n);
                double ready = app.awaitStatus200("/q/health/ready", Duration.ofSeconds(120))
                                .toNanos()
                        / 1e6;
                Thread.sleep(5000);
                long idle = app.rssKb();
                List<String> timelines = new ArrayList<>();
                for (int i = 0; i < config.timelines(); i++) {
                    timelines.add(String.format("bench-c%d-%04d", n, i));
                }
                LoadGenerator load = new LoadGenerator(app.baseUrl(), timelines, tracker);
                AppendBodies single = new AppendBodies(1);
                load.run(single, 8, Duration.ofSeconds(config.warmupSeconds()));
                app.startSampling();
                Duration step = Duration.ofSeconds(config.stepSeconds());
                LoadGenerator.Step s = load.run(single, 32, step);
                LoadGenerator.Step b = load.run(new AppendBodies(100), 8, step);
                app.stopSampling();
                tracker.awaitAll(Duration.ofSeconds(120));
                rows.add(new Row(flags, ready, idle, s, b, app.peakRssKb()));
                BenchRunner.log(String.format(
                        "JVM %s: ready %.0f ms, idle %s, single/32 %.0f events/s, batch/8 %.0f " + "events/s, peak %s",
                        flags,
                        ready,
                        Report.mib(idle),
                        s.eventsPerSecond(),
                        b.eventsPerSecond(),
                        Report.mib(app.peakRssKb())));
            }
        }
        return rows;
    }

    static void report(Report out, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.line("");
        out.line("## App JVM flags compared");
        out.line("");
        out.line("Each flag set on a fresh start after the scenarios (read model full), warm-up, then one single-event "
                + "step at 32 connections and one 100-event batch step at 8.");
        out.line("");
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(List.of(
                    "`" + r.flags() + "`",
                    Report.ms(r.startToReadyMs()) + " ms",
                    Report.mib(r.idleRssKb()),
                    Report.rate(r.single().eventsPerSecond()) + " (p99 "
                            + Report.ms(r.single().latency().p99()) + " ms)",
                    Report.rate(r.batch().eventsPerSecond()) + " (p99 "
                            + Report.ms(r.batch().latency().p99()) + " ms)",
                    Report.mib(r.peakRssKb())));
        }
        out.table(
                List.of(
                        "flags",
                        "start → ready",
                        "idle RSS",
                        "single, 32 conns, events/s",
                        "batch, 8 conns, events/s",
                        "peak RSS"),
                table);
    }
}
