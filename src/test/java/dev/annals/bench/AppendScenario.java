package dev.annals.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenario 1: single-event and 100-event appends at each connection count, each followed by a topic drain check. */
final class AppendScenario {
    static final String PREFIX = "bench-a-";

    private final BenchConfig config;
    private final AppProcess app;
    private final TopicTracker tracker;
    private final Results results;
    private final Profiler profiler;

    AppendScenario(BenchConfig config, AppProcess app, TopicTracker tracker, Results results, Profiler profiler) {
        this.config = config;
        this.app = app;
        this.tracker = tracker;
        this.results = results;
        this.profiler = profiler;
    }

    void run() throws Exception {
        List<String> timelines = new ArrayList<>();
        for (int i = 0; i < config.timelines(); i++) {
            timelines.add(String.format(PREFIX + "%04d", i));
        }
        LoadGenerator load = new LoadGenerator(app.baseUrl(), timelines, tracker);
        AppendBodies single = new AppendBodies(1);
        AppendBodies batch = new AppendBodies(100);
        results.settings.put("append event size", single.eventBytes() + " bytes of JSON (statement-issued)");
        if (config.warmupSeconds() > 0) {
            BenchRunner.log("append warm-up, " + config.warmupSeconds() + " s");
            load.run(single, 8, Duration.ofSeconds(config.warmupSeconds()));
            load.run(batch, 4, Duration.ofSeconds(Math.max(1, config.warmupSeconds() / 2)));
            tracker.awaitAll(Duration.ofSeconds(60));
        }
        app.startSampling();
        for (AppendBodies bodies : List.of(single, batch)) {
            for (int conns : config.connections()) {
                step(load, bodies, conns);
            }
        }
        app.stopSampling();
        results.peakRssKb = app.peakRssKb();
        results.hwmKb = app.hwmKb();
        if (tracker.outOfOrder() > 0) {
            results.fail("events out of sequence order on the topic (" + tracker.outOfOrder() + "), first: "
                    + tracker.firstOutOfOrder());
        }
    }

    private void step(LoadGenerator load, AppendBodies bodies, int conns) throws Exception {
        String kind = bodies.eventsPerRequest() == 1 ? "single" : bodies.eventsPerRequest() + "-batch";
        BenchRunner.log("append " + kind + ", " + conns + " connections, " + config.stepSeconds() + " s");
        boolean profiling =
                profiler != null && bodies.eventsPerRequest() == 1 && conns == 32 && profiler.start(app.pid());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double appCpu0 = app.cpuSeconds();
        long benchCpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        LoadGenerator.Step s = load.run(bodies, conns, Duration.ofSeconds(config.stepSeconds()));
        long end = System.nanoTime();
        double appCpu = (app.cpuSeconds() - appCpu0) / s.seconds() * 100;
        double benchCpu = (os.getProcessCpuTime() - benchCpu0) / 1e9 / s.seconds() * 100;
        if (profiling) {
            profiler.stop(app.pid(), "append-single-32");
        }
        boolean complete = tracker.awaitAll(Duration.ofSeconds(config.smoke() ? 30 : 120));
        long last = tracker.lastAdvanceNanos();
        double topicRate = s.events() / ((last - start) / 1e9);
        double drainMs = Math.max(0, (last - end) / 1e6);
        results.appends.add(new Results.AppendRow(s, topicRate, drainMs, complete, appCpu, benchCpu));
        BenchRunner.log(String.format(
                "  %.0f events/s acked (p99 %s ms), %.0f events/s on topic, drain %.0f ms, " + "%d errors",
                s.eventsPerSecond(), Report.ms(s.latency().p99()), topicRate, drainMs, s.errors()));
        if (s.errors() > 0) {
            results.fail("append " + kind + " at " + conns + " connections: " + s.errors() + " failed requests, first: "
                    + s.firstError());
        }
        if (!complete) {
            results.fail("append " + kind + " at " + conns + " connections: " + tracker.missing()
                    + " acknowledged events not on the topic");
        }
    }
}
