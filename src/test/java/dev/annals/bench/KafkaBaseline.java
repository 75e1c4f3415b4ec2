package dev.annals.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Raw Kafka baseline: {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools, in its own JVM) writing
 * 1 KiB records with acks=all and idempotence to a 3-partition topic on the same broker.
 */
final class KafkaBaseline {
    static final String TOPIC = "bench.producer-perf";
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, "
                    + "([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    /** The summary line of one ProducerPerformance run. */
    record Result(
            long records,
            double recordsPerSecond,
            double mbPerSecond,
            double avgMs,
            double maxMs,
            long p50Ms,
            long p99Ms,
            String props) {}

    private final BenchConfig config;
    private final Infra infra;

    KafkaBaseline(BenchConfig config, Infra infra) {
        this.config = config;
        this.infra = infra;
    }

    Result run() throws Exception {
        try (Admin admin = infra.admin()) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
        }
        String props = "acks=all enable.idempotence=true";
        List<String> cmd = new ArrayList<>(List.of(
                Shell.java(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                TOPIC,
                "--num-records",
                Integer.toString(config.producerRecords()),
                "--record-size",
                "1024",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + infra.bootstrap()));
        cmd.addAll(List.of(props.split(" ")));
        BenchRunner.log("ProducerPerformance: " + config.producerRecords() + " records of 1 KiB, " + props);
        String out = Shell.run(cmd, Map.of(), config.workDir().resolve("producer-perf.log"));
        Matcher m = SUMMARY.matcher(out);
        Result last = null;
        while (m.find()) {
            last = new Result(
                    Long.parseLong(m.group(1)),
                    Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)),
                    Double.parseDouble(m.group(5)),
                    Long.parseLong(m.group(6)),
                    Long.parseLong(m.group(8)),
                    props);
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary: " + Shell.tail(out));
        }
        try (Admin admin = infra.admin()) {
            admin.deleteTopics(Set.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        }
        BenchRunner.log(String.format("  %.0f records/s", last.recordsPerSecond()));
        return last;
    }
}
