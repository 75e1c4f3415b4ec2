package dev.annals.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /** An unsigned token ({@code alg: none}) with these claims, which must never be accepted. */
    public static String unsigned(String claimsJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The token's signature over a payload edited by {@code edit} (e.g. more groups), which must never be accepted. */
    public static String tampered(String token, UnaryOperator<String> edit) {
        String[] parts = token.split("\\.");
        String payload = edit.apply(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    public static String withClaims(Set<String> groups, Map<String, Object> claims) {
        return keys().token("test-scoped", groups, LIFETIME, claims);
    }
}
