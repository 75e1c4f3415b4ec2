package dev.annals.bench;

import static dev.annals.bench.Report.ms;
import static dev.annals.bench.Report.pct;
import static dev.annals.bench.Report.rate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The scenario sections of the report. */
final class ReportSections {
    private final Results r;
    private final Report out;

    ReportSections(Results results, Report report) {
        this.r = results;
        this.out = report;
    }

    void all() throws IOException {
        baselines();
        appends();
        imports();
        freshness();
        projection();
        live();
        queries();
        footprint();
        JvmComparison.report(out, r.jvms);
        targets();
        profiles();
    }

    private void baselines() {
        out.line("");
        out.line("## Raw baselines");
        out.line("");
        List<List<String>> rows = new ArrayList<>();
        for (PgBench.Result p : r.pgbench) {
            rows.add(List.of(
                    "pgbench " + p.rowsPerTx() + "-row INSERT (~1 KiB rows)",
                    Integer.toString(p.clients()),
                    rate(p.tps()) + " tx/s",
                    rate(p.rowsPerSecond()) + " rows/s",
                    ms(p.latencyMs()) + " ms avg"));
        }
        if (r.producer != null) {
            rows.add(List.of(
                    "ProducerPerformance, 1 KiB records, " + r.producer.props(),
                    "1 producer",
                    rate(r.producer.recordsPerSecond()) + " records/s",
                    String.format("%.1f MB/s", r.producer.mbPerSecond()),
                    "p50 " + r.producer.p50Ms() + " ms, p99 " + r.producer.p99Ms() + " ms"));
        }
        out.table(List.of("baseline", "clients", "rate", "rows", "latency"), rows);
    }

    private void appends() {
        out.line("");
        out.line("## 1. Append throughput");
        out.line("");
        out.line("Closed loop, one HTTP/1.1 connection per worker, random timeline of the run's 1,000 per request. "
                + "Latency per request. *On topic*: unique events of the step seen on `annals.events` / (time from the "
                + "step's start to the last one's arrival); *drain*: last acknowledged event on the topic after the load "
                + "ended (target ≤ 1 s). *CPU*: per cent of one core (the machine has "
                + Runtime.getRuntime().availableProcessors()
                + "), app JVM and bench JVM. Baseline: pgbench single-row tx/s at the same clients (single events); "
                + "min(pgbench 100-row rows/s at the same clients, ProducerPerformance records/s) (batches).");
        out.line("");
        List<List<String>> rows = new ArrayList<>();
        for (Results.AppendRow a : r.appends) {
            LoadGenerator.Step s = a.step();
            double base = baseline(s.eventsPerRequest(), s.connections());
            rows.add(List.of(
                    s.eventsPerRequest() == 1 ? "single event" : s.eventsPerRequest() + "-event batch",
                    Integer.toString(s.connections()),
                    Long.toString(s.requests()),
                    Long.toString(s.errors()),
                    rate(s.eventsPerSecond()),
                    s.latency().brief(),
                    rate(a.topicEventsPerSecond()),
                    a.allOnTopic() ? ms(a.drainMs()) + " ms" : "**incomplete**",
                    String.format("%.0f %% / %.0f %%", a.appCpuPercent(), a.benchCpuPercent()),
                    rate(base),
                    pct(s.eventsPerSecond() / base)));
        }
        out.table(
                List.of(
                        "kind",
                        "conns",
                        "requests",
                        "errors",
                        "events/s acked",
                        "p50 / p99 / max ms",
                        "events/s on topic",
                        "drain",
                        "CPU app / bench",
                        "baseline /s",
                        "ratio"),
                rows);
    }

    double baseline(int eventsPerRequest, int connections) {
        if (eventsPerRequest == 1) {
            return r.pg(1, connections);
        }
        double kafka = r.producer == null ? Double.NaN : r.producer.recordsPerSecond();
        return Math.min(r.pg(100, connections), kafka);
    }

    private void freshness() {
        out.line("");
        out.line("## 2. Freshness");
        out.line("");
        Freshness.Result f = r.freshness;
        if (f == null) {
            out.line("Not run.");
            return;
        }
        out.line("Open loop: single-event appends on a timer. *Visible*: from the 201 until a JDBC poll (every "
                + Freshness.POLL_MS + " ms, one query for all pending ids) finds the row in the active read-model "
                + "generation; *API visible*: until the confirming `GET /v1/events/{id}` (sent once the row is visible, "
                + "from " + Freshness.CONFIRMERS
                + " threads) answered 200: an upper bound that adds that GET's latency and, "
                + "when the app is overloaded, its queueing. The target is judged on *visible*.");
        out.line("");
        out.table(
                List.of(
                        "offered /s",
                        "acked /s",
                        "acked",
                        "errors",
                        "never visible",
                        "append p50 / p99 / max ms",
                        "acked → visible p50 / p99 / max ms",
                        "acked → API visible p50 / p99 / max ms",
                        "GET p50 / p99 / max ms",
                        "target p99 ≤ 50 ms"),
                List.of(List.of(
                        Integer.toString(f.offeredRate()),
                        rate(f.ackedRate()),
                        Long.toString(f.acked()),
                        Long.toString(f.errors()),
                        Long.toString(f.invisible()),
                        f.append().brief(),
                        f.visible().brief(),
                        f.apiVisible().brief(),
                        f.get().brief(),
                        Report.verdict(f.visible().p99() <= 50))));
    }

    private void projection() {
        out.line("");
        out.line("## 3. Projection catch-up and replay");
        out.line("");
        ProjectionScenario.Result p = r.projection;
        if (p == null) {
            out.line("Not run.");
            return;
        }
        double base = r.projectionBaseline();
        out.line(String.format(
                "%,d events (%.0f MiB of JSON; generated, see `DataGenerator`) written straight to "
                        + "`annals.events` in %.1f s (%s events/s) while the app was stopped; then the app started and the "
                        + "projector caught up from a cold start; then `POST /v1/projections/timeline/rebuild` replayed the "
                        + "topic into a new generation until the switch. Baseline: pgbench 100-row INSERT rows/s at 8 clients.",
                p.events(), p.bytes() / 1048576.0, p.produceSeconds(), rate(p.events() / p.produceSeconds())));
        out.line("");
        out.table(
                List.of("phase", "events", "seconds", "events/s", "baseline rows/s", "ratio"),
                List.of(
                        List.of(
                                "catch-up (app start → lag 0)",
                                Long.toString(p.catchUpApplied()),
                                String.format("%.1f", p.catchUpSeconds()),
                                rate(p.catchUpRate()),
                                rate(base),
                                pct(p.catchUpRate() / base)),
                        List.of(
                                "replay (rebuild → switch)",
                                Long.toString(p.events()),
                                String.format("%.1f", p.replaySeconds()),
                                rate(p.replayRate()),
                                rate(base),
                                pct(p.replayRate() / base))));
        out.line("");
        out.line(String.format(
                "Read model rows after the switch: %,d; dead-lettered: %d; app CPU during catch-up: %.0f %% of one core.",
                p.readModelRows(), p.deadLettered(), 100 * p.appCpuSecondsCatchUp() / p.catchUpSeconds()));
    }

    private void imports() {
        if (r.imports.isEmpty()) {
            return;
        }
        out.line("");
        out.line("## 1b. Bulk import (NDJSON)");
        out.line("");
        out.line("The events of scenario 1 (same size and type), generated while sent as one NDJSON body per request "
                + "to `POST /v1/timelines/{id}/events` (chunks of `annals.bulk.chunk-size`, each one atomic append), "
                + "each request its own timeline, all at once; events/s = events appended / wall time of the slowest "
                + "request. Beside it: scenario 1's 100-event batch appends at 1 and 8 connections, this run.");
        out.line("");
        List<List<String>> rows = new ArrayList<>();
        for (ImportScenario.Step s : r.imports) {
            rows.add(List.of(
                    Integer.toString(s.streams()),
                    String.format("%,d", s.appended()),
                    String.format("%.1f", s.seconds()),
                    rate(s.eventsPerSecond()),
                    batchRate(s.streams() == 1 ? 1 : 8)));
        }
        out.table(
                List.of(
                        "concurrent imports",
                        "events appended",
                        "seconds",
                        "events/s",
                        "batch append events/s " + "(1 / 8 conns)"),
                rows);
    }

    private String batchRate(int connections) {
        return r.appends.stream()
                .filter(a -> a.step().eventsPerRequest() == 100 && a.step().connections() == connections)
                .findFirst()
                .map(a -> rate(a.step().eventsPerSecond()) + " (" + connections + ")")
                .orElse("—");
    }

    private void live() {
        LiveScenario.Result l = r.live;
        if (l == null) {
            return; // BENCH_LIVE=0 (the default of smoke runs)
        }
        out.line("");
        out.line("## 3b. Projection with live-feed subscribers");
        out.line("");
        out.line(String.format(
                "%,d generated events written straight to `annals.events` while the app ran, timed from the first "
                        + "record produced until the projector applied the last; then the same amount on fresh timelines "
                        + "with %d `GET /v1/events/live` streams open (filter: %s; %,d deliveries expected). The "
                        + "streams are read by the bench JVM on the same cores.",
                l.events(), l.subscribers(), l.filter(), l.expected()));
        out.line("");
        out.table(
                List.of("subscribers", "events", "seconds", "events/s applied"),
                List.of(
                        List.of(
                                "0",
                                Integer.toString(l.events()),
                                String.format("%.1f", l.quietSeconds()),
                                rate(l.quietRate())),
                        List.of(
                                Integer.toString(l.subscribers()), Integer.toString(l.events()),
                                String.format("%.1f", l.busySeconds()), rate(l.busyRate()))));
        out.line("");
        out.line(String.format(
                "Ratio with/without subscribers: %s. The streams received %s of the expected deliveries within "
                        + "%.1f s of the first record; %d of %d streams were dropped with `overflow` (a stream its "
                        + "reader cannot keep up with is cut, not waited for).",
                pct(l.busyRate() / l.quietRate()),
                pct(l.deliveredShare()),
                l.deliveredSeconds(),
                l.overflowed(),
                l.subscribers()));
    }

    private void queries() {
        out.line("");
        out.line("## 4. Queries");
        out.line("");
        out.line("Over the scenario-3 data set, " + "concurrent clients as in the settings; the same SQL run straight "
                + "over JDBC with the same concurrency (prepared once per connection, every column of every row read). "
                + "Ratio = app p99 / raw p99. *Rows*: what the raw SQL returned (pages are 50 + 1).");
        out.line("");
        List<List<String>> rows = new ArrayList<>();
        for (QueryScenario.Row q : r.queries) {
            rows.add(List.of(
                    q.spec().name(),
                    q.spec().variant(),
                    Long.toString(q.rows()),
                    Long.toString(q.app().count()),
                    ms(q.app().p50()),
                    ms(q.app().p99()),
                    ms(q.raw().p50()),
                    ms(q.raw().p99()),
                    Report.x(q.ratio()),
                    q.errors() == 0 ? "" : q.errors() + ": " + q.firstError()));
        }
        out.table(
                List.of(
                        "query",
                        "value",
                        "rows",
                        "requests",
                        "app p50 ms",
                        "app p99 ms",
                        "SQL p50 ms",
                        "SQL p99 ms",
                        "app/SQL p99",
                        "errors"),
                rows);
        out.line("");
        out.line("<details><summary>SQL run for each query (parameters in brackets)</summary>");
        out.line("");
        for (QueryScenario.Row q : r.queries) {
            out.line("- " + q.spec().name() + " / " + q.spec().variant() + ": `GET "
                    + q.spec().path() + "`<br>`" + q.spec().sql().sql() + "` "
                    + q.spec().sql().params());
        }
        out.line("");
        out.line("</details>");
    }

    private void footprint() {
        out.line("");
        out.line("## 5. Footprint");
        out.line("");
        out.table(
                List.of(
                        "start → /q/health/ready 200",
                        "RSS idle",
                        "peak RSS under scenario 1 (sampled)",
                        "VmHWM at the end of scenario 1"),
                List.of(List.of(
                        ms(r.startToReadyMs) + " ms",
                        Report.mib(r.idleRssKb),
                        Report.mib(r.peakRssKb),
                        Report.mib(r.hwmKb))));
    }

    private void targets() {
        new ReportTargets(r, out, this).write();
    }

    private void profiles() throws IOException {
        out.line("");
        out.line("## Flame graphs");
        out.line("");
        List<String> files = out.flameGraphs();
        if (files.isEmpty()) {
            out.line("None recorded (smoke runs and `BENCH_PROFILE=0` do not profile).");
        }
        files.forEach(f -> out.line("- [" + f + "](flamegraphs/" + f + ")"));
    }
}
