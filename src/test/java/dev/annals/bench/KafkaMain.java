package dev.annals.bench;

import dev.annals.testing.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's Kafka broker as its own JVM: starts {@link EmbeddedKafkaBroker} on {@code args[0]}, writes the
 * bootstrap address to {@code args[0]/bootstrap.txt}, and stops when its standard input closes (the parent died or
 * said so) or on SIGTERM.
 */
public final class KafkaMain {

    private KafkaMain() {}

    /** Entry point of the broker JVM. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("log"), 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-stop"));
        Path ready = dir.resolve("bootstrap.txt");
        Files.writeString(ready.resolveSibling("bootstrap.tmp"), broker.bootstrapServers(), StandardCharsets.UTF_8);
        Files.move(ready.resolveSibling("bootstrap.tmp"), ready);
        System.out.println("[kafka] ready on " + broker.bootstrapServers());
        while (System.in.read() != -1) {
            // the parent holds the pipe open while it runs
        }
        System.out.println("[kafka] standard input closed, stopping");
        System.exit(0);
    }
}
