package dev.annals.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Writes the Markdown report: machine, settings, every scenario with its baseline and ratio, targets, profiles. */
final class Report {
    private final BenchConfig config;
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    Report(BenchConfig config, Results results) {
        this.config = config;
        this.r = results;
    }

    void write() throws IOException {
        line("# Annals benchmarks" + (config.smoke() ? " (smoke run: sizes too small for conclusions)" : ""));
        line("");
        line("Produced by `bench/run" + (config.smoke() ? " --smoke" : "")
                + "` (see [bench/README.md](../bench/README.md)); "
                + "do not edit by hand. Every baseline was measured in the same run, on the same machine, against the "
                + "same servers.");
        if (!r.failures.isEmpty()) {
            line("");
            line("**This run had failures:**");
            r.failures.forEach(f -> line("- " + f));
        }
        line("");
        line("## Machine and settings");
        line("");
        table(
                List.of("", ""),
                Stream.concat(r.machine.entrySet().stream(), r.settings.entrySet().stream())
                        .map(e -> List.of(e.getKey(), e.getValue()))
                        .toList());
        new ReportSections(r, this).all();
        if (!r.notes.isEmpty()) {
            line("");
            line("## Notes");
            line("");
            r.notes.forEach(n -> line("- " + n));
        }
        Path analysis = config.baseDir().resolve("bench/analysis.md");
        if (!config.smoke() && Files.isRegularFile(analysis)) {
            line("");
            md.append(Files.readString(analysis, StandardCharsets.UTF_8));
        }
        Files.createDirectories(config.output().getParent());
        Files.writeString(config.output(), md, StandardCharsets.UTF_8);
        BenchRunner.log("report written to " + config.output());
    }

    void line(String s) {
        md.append(s).append('\n');
    }

    void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            line("| "
                    + String.join(
                            " | ", row.stream().map(c -> c.replace("|", "\\|")).toList()) + " |");
        }
    }

    /** Flame graph files under docs/flamegraphs (every label kept there), relative to the report. */
    List<String> flameGraphs() throws IOException {
        Path dir = config.flameGraphDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".svg") || n.endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String rate(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String pct(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio)
                ? "-"
                : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String x(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String mib(long kb) {
        return kb < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    static Map.Entry<String, String> kv(String k, String v) {
        return Map.entry(k, v);
    }
}
