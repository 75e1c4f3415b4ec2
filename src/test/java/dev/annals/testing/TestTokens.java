package dev.annals.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Tokens for the tests, signed by the key pair under {@code target/annals-test-keys} that the test profile trusts. */
public final class TestTokens {
    /** The issuer {@code %test.mp.jwt.verify.issuer} expects. */
    public static final String ISSUER = "https://annals.test";

    private static final Duration LIFETIME = Duration.ofHours(3);
    private static volatile String writerAdmin;

    private TestTokens() {}

    public static TestKeys keys() {
        return TestKeys.in(Path.of("target", "annals-test-keys"), ISSUER);
    }

    /** A token with every role, for tests about something other than security. */
    public static String all() {
        String token = writerAdmin;
        if (token == null) {
            token = writerAdmin = keys().token("test-all", Set.of("reader", "writer", "admin"), LIFETIME);
        }
        return token;
    }

    public static String withGroups(String... groups) {
        return keys().token("test-" + String.join("-", groups), Set.of(groups), LIFETIME);
    }

    public static String withClaims(Set<String> groups, Map<String, Object> claims) {
        return keys().token("test-scoped", groups, LIFETIME, claims);
    }
}
