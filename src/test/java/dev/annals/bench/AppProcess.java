package dev.annals.bench;

import dev.annals.testing.PackagedEnv;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged Annals application as a child process: start, readiness, RSS and CPU from /proc, stop. */
final class AppProcess implements AutoCloseable {

    private final BenchConfig config;
    private final Infra infra;
    private final String jvmFlags;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private int managementPort;
    private Process process;
    private long startNanos;
    private volatile long peakRssKb;
    private volatile boolean sampling;

    AppProcess(BenchConfig config, Infra infra) throws IOException {
        this(config, infra, config.appJvmFlags());
    }

    AppProcess(BenchConfig config, Infra infra, String jvmFlags) throws IOException {
        this.config = config;
        this.infra = infra;
        this.jvmFlags = jvmFlags;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the JVM; {@code run} names its log file {@code target/bench/app-<run>.log}. */
    void start(String run) throws IOException {
        killStale();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(Arrays.asList(jvmFlags.trim().split("\\s+")));
        cmd.addAll(List.of("-jar", config.appJar().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(config.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(config.workDir().resolve("app-" + run + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrap());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.jdbcUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.jdbcPassword());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        managementPort = PackagedEnv.secure(env, BenchAuth.KEYS, BenchAuth.CURSOR_SECRET);
        BenchRunner.log("starting app (" + run + "): " + String.join(" ", cmd));
        startNanos = System.nanoTime();
        process = pb.start();
        Files.writeString(config.workDir().resolve("app.pid"), Long.toString(process.pid()));
    }

    /**
     * Waits until {@code path} answers 200 and returns the time since the process start; {@code /q/} paths are
     * asked on the management interface.
     */
    Duration awaitStatus200(String path, Duration timeout) throws InterruptedException {
        URI uri = URI.create((path.startsWith("/q/") ? "http://127.0.0.1:" + managementPort : baseUrl()) + path);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with code " + process.exitValue() + " before " + path
                        + " answered 200; see " + config.workDir() + "/app-*.log");
            }
            try {
                HttpRequest r = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
                if (http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startNanos);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(path + " did not answer 200 within " + timeout.toSeconds() + " s");
    }

    /** Current resident set size in KiB (VmRSS), or -1. */
    long rssKb() {
        return status("VmRSS:");
    }

    /** Peak resident set size since the process started (VmHWM), KiB. */
    long hwmKb() {
        return status("VmHWM:");
    }

    private long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** CPU time (user + system) used by the process so far, in seconds. */
    double cpuSeconds() {
        return Proc.cpuSeconds(process.pid());
    }

    /** Samples VmRSS every 100 ms until {@link #stopSampling()}; returns nothing, see {@link #peakRssKb()}. */
    void startSampling() {
        peakRssKb = rssKb();
        sampling = true;
        Thread t = new Thread(
                () -> {
                    while (sampling) {
                        peakRssKb = Math.max(peakRssKb, rssKb());
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "rss-sampler");
        t.setDaemon(true);
        t.start();
    }

    void stopSampling() {
        sampling = false;
    }

    long peakRssKb() {
        return peakRssKb;
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        BenchRunner.log("stopping app (pid " + process.pid() + ")");
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** An app a killed earlier run left behind (its pid file names it) would hold ports and CPU. */
    private void killStale() {
        Path pidFile = config.workDir().resolve("app.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                    .filter(p -> process == null || p.pid() != process.pid())
                    .ifPresent(p -> {
                        BenchRunner.log("stopping app " + pid + " left by an earlier run");
                        p.destroyForcibly();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            // nothing to clean
        }
    }
}
