package dev.annals.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness (see bench/README.md): starts PostgreSQL and Kafka, measures the raw baselines, runs the
 * packaged app through the five scenarios and writes the report. Exit code 1 when any scenario failed.
 */
public final class BenchRunner {
    static final String TOPIC = "annals.events";

    private final BenchConfig config;
    private final Results results = new Results();
    private Infra infra;
    private AppProcess app;

    private BenchRunner(BenchConfig config) {
        this.config = config;
    }

    /** Entry point: {@code --smoke} for the seconds-long CI mode. */
    public static void main(String[] args) {
        BenchConfig config = BenchConfig.from(args, System.getenv());
        BenchRunner runner = new BenchRunner(config);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::stopAll, "bench-stop"));
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(Duration.ofSeconds(config.timeoutSeconds()).toMillis());
                        log("FAILED: the run exceeded BENCH_TIMEOUT=" + config.timeoutSeconds() + " s");
                        System.exit(2);
                    } catch (InterruptedException e) {
                        // finished in time
                    }
                },
                "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        int code;
        try {
            code = runner.run();
        } catch (Throwable e) {
            log("FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        runner.stopAll();
        System.exit(code);
    }

    private int run() throws Exception {
        long t0 = System.nanoTime();
        results.loadBefore = Proc.loadAverage();
        if (!Files.isRegularFile(config.appJar())) {
            throw new IllegalStateException(config.appJar() + " not found: build first (bench/run does)");
        }
        Files.createDirectories(config.workDir());
        log((config.smoke() ? "SMOKE" : "FULL") + " run, label " + config.label() + ", report " + config.output());
        infra = new Infra(config).start();
        Machine.describe(config, infra, results);
        Profiler profiler = config.profile() ? new Profiler(config) : null;
        try {
            baselines();
            app = new AppProcess(config, infra);
            footprint();
            projectionAndQueries(profiler);
            liveFeed();
            appendsAndFreshness(profiler);
            imports();
            compareJvmFlags();
        } catch (Exception e) {
            results.fail("aborted: " + e);
            e.printStackTrace();
        }
        if (profiler != null) {
            profiler.problems().forEach(p -> results.notes.add("profiler: " + p));
        }
        results.loadAfter = Proc.loadAverage();
        results.seconds = (System.nanoTime() - t0) / 1e9;
        Machine.finish(config, results);
        new Report(config, results).write();
        log(String.format("done in %.0f s, %d failures", results.seconds, results.failures.size()));
        return results.failures.isEmpty() ? 0 : 1;
    }

    private void baselines() throws Exception {
        results.pgbench.addAll(new PgBench(config, infra).runAll());
        results.producer = new KafkaBaseline(config, infra).run();
    }

    /** Scenario 5 (start, idle RSS) on an empty topic; the first start also creates the topic. */
    private void footprint() throws Exception {
        app.start("start");
        results.startToReadyMs =
                app.awaitStatus200("/q/health/ready", Duration.ofSeconds(120)).toNanos() / 1e6;
        log(String.format("app ready after %.0f ms", results.startToReadyMs));
        Thread.sleep(config.smoke() ? 1000 : 5000);
        results.idleRssKb = app.rssKb();
        app.close();
    }

    /** Scenarios 3 and 4: the data set straight to the topic, catch-up, rebuild, then the queries over it. */
    private void projectionAndQueries(Profiler profiler) throws Exception {
        DataGenerator data = new DataGenerator(config.events());
        ProjectionScenario projection = new ProjectionScenario(config, infra);
        log("writing " + config.events() + " generated events to " + TOPIC + " (" + data.timelines + " timelines)");
        double[] produced = projection.produce(data, TOPIC);
        results.projection = projection.catchUpAndReplay(app, data, produced, profiler);
        if (results.projection.deadLettered() > 0) {
            results.fail(results.projection.deadLettered() + " generated events were dead-lettered (invalid data?)");
        }
        if (results.projection.readModelRows() != data.events) {
            results.fail("read model holds " + results.projection.readModelRows() + " events, expected " + data.events);
        }
        QueryScenario queries = new QueryScenario(config, infra, app.baseUrl());
        results.queries.addAll(queries.run(queries.specs(data)));
        for (QueryScenario.Row q : results.queries) {
            if (q.errors() > 0) {
                results.fail("query " + q.spec().name() + " (" + q.spec().variant() + "): " + q.errors()
                        + " errors, first: " + q.firstError());
            }
        }
    }

    /** Issue 12: projection throughput without and with live-feed subscribers (BENCH_LIVE, see bench/README.md). */
    private void liveFeed() {
        if (!LiveScenario.enabled(config)) {
            return;
        }
        try {
            results.live = new LiveScenario(config, infra, app).run();
            if (results.live.deliveredShare() < 1) {
                results.notes.add(String.format(
                        "live feed: subscribers received %.1f %% of the events within the wait",
                        100 * results.live.deliveredShare()));
            }
        } catch (Exception e) {
            results.fail("live feed scenario: " + e);
        }
    }

    /** Issue 13: NDJSON import throughput, beside scenario 1's batch appends. */
    private void imports() {
        try {
            results.imports.addAll(new ImportScenario(config, app).run());
            for (ImportScenario.Step step : results.imports) {
                if (step.firstError() != null || step.appended() != step.events()) {
                    results.fail("import, " + step.streams() + " streams: " + step.appended() + " of " + step.events()
                            + " appended; first error: " + step.firstError());
                }
            }
        } catch (Exception e) {
            results.fail("import scenario: " + e);
        }
    }

    /** Scenarios 1 and 2 against the running app (the projector keeps consuming meanwhile). */
    private void appendsAndFreshness(Profiler profiler) throws Exception {
        ProjectionScenario projection = new ProjectionScenario(config, infra);
        try (TopicTracker tracker = new TopicTracker(infra.bootstrap(), TOPIC, "bench-")) {
            new AppendScenario(config, app, tracker, results, profiler).run();
            List<String> timelines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                timelines.add(String.format("bench-f-%03d", i));
            }
            log("waiting for the projector to catch up with the append load");
            long w0 = System.nanoTime();
            projection.awaitNoLag(app, Duration.ofSeconds(config.catchUpTimeoutSeconds()));
            results.notes.add(String.format(
                    "after scenario 1 the projector needed %.1f s to catch up with the appended events "
                            + "before scenario 2 started",
                    (System.nanoTime() - w0) / 1e9));
            log("freshness: " + config.freshnessRate() + " events/s for " + config.freshnessSeconds() + " s");
            Freshness.Result f = new Freshness(app.baseUrl(), timelines, infra)
                    .run(config.freshnessRate(), config.freshnessSeconds(), tracker);
            results.freshness = f;
            log(String.format(
                    "  acked→API visible p50/p99/max %s ms; %d errors, %d never visible",
                    f.apiVisible().brief(), f.errors(), f.invisible()));
            if (f.errors() > 0 || f.invisible() > 0) {
                results.fail("freshness: " + f.errors() + " errors, " + f.invisible() + " never visible; first: "
                        + f.firstError() + "; projection status: " + projection.status(app));
            }
            if (!tracker.awaitAll(Duration.ofSeconds(30))) {
                results.fail("freshness: " + tracker.missing() + " acknowledged events not on the topic");
            }
        }
    }

    /** Full mode only (or BENCH_COMPARE_JVM set): the run's app JVM flags beside an alternative; "0" skips it. */
    private void compareJvmFlags() throws Exception {
        String alternative = System.getenv()
                .getOrDefault("BENCH_COMPARE_JVM", config.smoke() ? "0" : JvmComparison.DEFAULT_ALTERNATIVE);
        if ("0".equals(alternative.trim())) {
            return;
        }
        app.close();
        results.jvms.addAll(new JvmComparison(config, infra).run(List.of(config.appJvmFlags(), alternative)));
    }

    private synchronized void stopAll() {
        if (app != null) {
            app.close();
        }
        if (infra != null) {
            infra.close();
            infra = null;
        }
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
