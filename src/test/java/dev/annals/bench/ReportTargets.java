package dev.annals.bench;

import static dev.annals.bench.Report.ms;
import static dev.annals.bench.Report.pct;
import static dev.annals.bench.Report.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The targets, each with this run's figure and whether it was met. */
final class ReportTargets {
    private final Results r;
    private final Report out;
    private final ReportSections sections;

    ReportTargets(Results results, Report report, ReportSections sections) {
        this.r = results;
        this.out = report;
        this.sections = sections;
    }

    void write() {
        out.line("");
        out.line("## Targets");
        out.line("");
        List<List<String>> rows = new ArrayList<>();
        append(1, 32).ifPresent(a -> {
            double ratio = a.step().eventsPerSecond() / sections.baseline(1, 32);
            rows.add(List.of(
                    "single-event append, 32 conns ≥ 50 % of pgbench single-row tx/s",
                    pct(ratio), verdict(ratio >= 0.5)));
        });
        append(100, 8).ifPresent(a -> {
            double ratio = a.step().eventsPerSecond() / sections.baseline(100, 8);
            rows.add(List.of(
                    "100-event batch append, 8 conns ≥ 50 % of min(pgbench 100-row, producer)",
                    pct(ratio), verdict(ratio >= 0.5)));
            rows.add(List.of(
                    "… and on the topic within 1 s of the load's end",
                    a.allOnTopic() ? ms(a.drainMs()) + " ms" : "incomplete",
                    verdict(a.allOnTopic() && a.drainMs() <= 1000)));
        });
        if (r.projection != null) {
            double base = r.projectionBaseline();
            rows.add(List.of(
                    "projection catch-up ≥ 50 % of pgbench 100-row rows/s",
                    pct(r.projection.catchUpRate() / base), verdict(r.projection.catchUpRate() / base >= 0.5)));
            rows.add(List.of(
                    "projection replay ≥ 50 % of pgbench 100-row rows/s",
                    pct(r.projection.replayRate() / base), verdict(r.projection.replayRate() / base >= 0.5)));
        }
        if (r.freshness != null) {
            rows.add(List.of(
                    "freshness p99 ≤ 50 ms at " + r.freshness.offeredRate() + " events/s",
                    ms(r.freshness.visible().p99()) + " ms (API upper bound "
                            + ms(r.freshness.apiVisible().p99()) + " ms)",
                    verdict(r.freshness.visible().p99() <= 50)));
        }
        if (!r.queries.isEmpty()) {
            long fast = r.queries.stream().filter(q -> q.app().p99() <= 20).count();
            long close = r.queries.stream().filter(q -> q.ratio() <= 1.5).count();
            rows.add(List.of(
                    "every query p99 ≤ 20 ms", fast + " of " + r.queries.size(), verdict(fast == r.queries.size())));
            rows.add(List.of(
                    "every query p99 ≤ 1.5× its raw SQL",
                    close + " of " + r.queries.size(),
                    verdict(close == r.queries.size())));
            List<QueryScenario.Row> walk = r.queries.stream()
                    .filter(q -> q.spec().name().startsWith("cursor walk"))
                    .toList();
            if (walk.size() == 2) {
                double ratio = walk.get(1).app().p99() / walk.get(0).app().p99();
                rows.add(List.of(
                        "last page of the walk as fast as page 1 (p99 ≤ 1.5× page 1)",
                        Report.x(ratio),
                        verdict(ratio <= 1.5)));
            }
        }
        rows.add(List.of(
                "peak RSS under load ≤ 512 MiB",
                Report.mib(r.peakRssKb),
                verdict(r.peakRssKb > 0 && r.peakRssKb <= 512 * 1024)));
        rows.add(List.of("start to ready ≤ 3 s", ms(r.startToReadyMs) + " ms", verdict(r.startToReadyMs <= 3000)));
        out.table(List.of("target", "this run", ""), rows);
    }

    private Optional<Results.AppendRow> append(int events, int connections) {
        return r.appends.stream()
                .filter(a -> a.step().eventsPerRequest() == events && a.step().connections() == connections)
                .findFirst();
    }
}
