package dev.annals.bench;

import dev.annals.testing.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The benchmark authenticates like any client: one key pair under target/, one token with every role. */
final class BenchAuth {
    static final TestKeys KEYS = TestKeys.in(Path.of("target", "bench-keys"), "https://annals.bench");
    /** The value of the Authorization header of every benchmark request. */
    static final String BEARER =
            "Bearer " + KEYS.token("bench", Set.of("reader", "writer", "admin"), Duration.ofHours(12));

    static final String CURSOR_SECRET = "bench-cursor-secret-0123456789abcdef";

    private BenchAuth() {}
}
