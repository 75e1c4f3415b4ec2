package dev.annals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;

/** Machine, versions and settings for the report's first table. */
final class Machine {
    private Machine() {}

    static void describe(BenchConfig c, Infra infra, Results r) {
        r.machine.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        r.machine.put("mode / label", (c.smoke() ? "smoke" : "full") + " / " + c.label());
        r.machine.put(
                "commit",
                Shell.output(List.of(
                                "git", "-C", c.baseDir().toString(), "describe", "--always", "--dirty", "--abbrev=12"))
                        .trim());
        r.machine.put("CPU", Runtime.getRuntime().availableProcessors() + " cores, " + Proc.cpuModel());
        r.machine.put("memory", String.format("%.1f GiB", Proc.memoryGiB()));
        r.machine.put("OS", Proc.os());
        r.machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        r.machine.put("Quarkus", quarkusVersion(c.baseDir()));
        r.machine.put(
                "PostgreSQL",
                infra.sqlValue("show server_version")
                        + (infra.embeddedDatabase()
                                ? " (embedded, zonky binaries, own data dir under target/bench)"
                                : " (external: " + infra.jdbcUrl() + ")"));
        r.machine.put(
                "Kafka",
                "clients " + AppInfoParser.getVersion()
                        + (infra.embeddedKafka()
                                ? ", broker 4.1.2 KRaft single node in its own JVM (-Xmx512m, dev.annals.testing.EmbeddedKafkaBroker)"
                                : ", external broker " + infra.bootstrap()));
        r.machine.put("pgbench", PgBench.version());
        r.settings.put(
                "PostgreSQL settings",
                Stream.of(
                                "fsync",
                                "synchronous_commit",
                                "full_page_writes",
                                "shared_buffers",
                                "max_connections",
                                "wal_level",
                                "work_mem",
                                "checkpoint_timeout",
                                "max_wal_size")
                        .map(s -> s + "=" + infra.sqlValue("show " + s))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
        r.settings.put(
                "app JVM",
                "`" + c.appJvmFlags() + "`; every annals.* setting at its default " + "(README, Configuration)");
        r.settings.put(
                "bench JVM",
                "`"
                        + String.join(
                                " ",
                                java.lang.management.ManagementFactory.getRuntimeMXBean()
                                        .getInputArguments())
                        + "` (load generator, topic consumer, JDBC)");
        r.settings.put(
                "durations",
                "append steps " + c.stepSeconds() + " s after " + c.warmupSeconds() + " s warm-up; pgbench -T "
                        + c.pgbenchSeconds() + "; freshness " + c.freshnessSeconds() + " s");
        r.settings.put(
                "sizes",
                String.format(
                        "%,d timelines for appends; scenario 3/4 data set %,d events; "
                                + "queries: %d requests per query (cap %d s) from %d clients; ProducerPerformance %,d records",
                        c.timelines(),
                        c.events(),
                        c.queryRequests(),
                        c.queryMaxSeconds(),
                        c.queryClients(),
                        c.producerRecords()));
    }

    static void finish(BenchConfig c, Results r) {
        r.machine.put(
                "load average (1 min) before / after",
                r.loadBefore + " / " + r.loadAfter
                        + (r.loadBefore > 1.5 ? " — **the machine was busy: treat figures as noisy**" : ""));
        r.machine.put("run time", String.format("%.0f s", r.seconds));
    }

    private static String quarkusVersion(Path base) {
        Path lib = base.resolve("target/quarkus-app/lib/main");
        try (Stream<Path> files = Files.list(lib)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("io.quarkus.quarkus-core-"))
                    .map(n -> n.substring("io.quarkus.quarkus-core-".length(), n.length() - 4))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
