package dev.annals.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Settings of one benchmark run: smoke or full sizes, each overridable by a {@code BENCH_*} environment variable. */
public record BenchConfig(
        boolean smoke,
        Path baseDir,
        String label,
        Path output,
        List<Integer> connections,
        int stepSeconds,
        int warmupSeconds,
        int timelines,
        int freshnessRate,
        int freshnessSeconds,
        int events,
        int queryRequests,
        int queryMaxSeconds,
        int queryClients,
        int pgbenchSeconds,
        int producerRecords,
        int catchUpTimeoutSeconds,
        int timeoutSeconds,
        boolean profile,
        String appJvmFlags,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String kafka) {

    /** Default app JVM flags: a small heap and the serial collector for footprint, accurate profiles. */
    public static final String DEFAULT_APP_JVM =
            "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints";

    /** Reads {@code args} ({@code --smoke}) and the environment. */
    public static BenchConfig from(String[] args, Map<String, String> env) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        Path base = Path.of(System.getProperty("annals.basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        String label = env.getOrDefault("BENCH_LABEL", "latest").replaceAll("[^A-Za-z0-9._-]", "_");
        String out = env.get("BENCH_OUTPUT");
        Path output = out != null
                ? Path.of(out).toAbsolutePath()
                : smoke ? base.resolve("target/bench/benchmarks-smoke.md") : base.resolve("docs/benchmarks.md");
        List<Integer> conns = Arrays.stream(env.getOrDefault("BENCH_CONNECTIONS", smoke ? "8" : "1,8,32,64")
                        .split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::parseInt)
                .toList();
        return new BenchConfig(
                smoke,
                base,
                label,
                output,
                conns,
                num(env, "BENCH_STEP_SECONDS", smoke ? 3 : 10),
                num(env, "BENCH_WARMUP_SECONDS", smoke ? 1 : 5),
                num(env, "BENCH_TIMELINES", 1000),
                num(env, "BENCH_FRESHNESS_RATE", smoke ? 100 : 1000),
                num(env, "BENCH_FRESHNESS_SECONDS", smoke ? 3 : 15),
                num(env, "BENCH_EVENTS", smoke ? 5_000 : 1_000_000),
                num(env, "BENCH_QUERY_REQUESTS", smoke ? 16 : 400),
                num(env, "BENCH_QUERY_MAX_SECONDS", smoke ? 5 : 20),
                num(env, "BENCH_QUERY_CLIENTS", 8),
                num(env, "BENCH_PGBENCH_SECONDS", smoke ? 2 : 10),
                num(env, "BENCH_PRODUCER_RECORDS", smoke ? 20_000 : 300_000),
                num(env, "BENCH_CATCHUP_TIMEOUT", smoke ? 120 : 1200),
                num(env, "BENCH_TIMEOUT", smoke ? 400 : 3600),
                !"0".equals(env.getOrDefault("BENCH_PROFILE", smoke ? "0" : "1")),
                env.getOrDefault("BENCH_APP_JVM", DEFAULT_APP_JVM),
                env.get("BENCH_JDBC_URL"),
                env.getOrDefault("BENCH_JDBC_USER", "postgres"),
                env.getOrDefault("BENCH_JDBC_PASSWORD", "postgres"),
                env.get("BENCH_KAFKA"));
    }

    /** Working directory of the run: logs, data of the embedded servers. */
    public Path workDir() {
        return baseDir.resolve("target/bench");
    }

    /** The packaged application. */
    public Path appJar() {
        return baseDir.resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where flame graphs go (kept in git, linked from the report). */
    public Path flameGraphDir() {
        return baseDir.resolve("docs/flamegraphs");
    }

    private static int num(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank()
                ? fallback
                : Integer.parseInt(value.trim().replace("_", ""));
    }
}
