package dev.annals.devrun;

import dev.annals.testing.PackagedEnv;
import dev.annals.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dev run's security material, kept with its data under {@code target/annals-dev}: a key pair the app trusts,
 * a cursor secret, and a token per role written to {@code tokens/<role>.jwt}.
 */
final class DevCredentials {
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    private static final String ISSUER = "https://annals.local";

    private final TestKeys keys;
    private final String cursorSecret;
    private final Map<String, String> tokens;
    private final Path tokenDir;

    private DevCredentials(TestKeys keys, String cursorSecret, Map<String, String> tokens, Path tokenDir) {
        this.keys = keys;
        this.cursorSecret = cursorSecret;
        this.tokens = tokens;
        this.tokenDir = tokenDir;
    }

    static DevCredentials prepare(Path dataDir) throws IOException {
        TestKeys keys = TestKeys.in(dataDir.resolve("keys"), ISSUER);
        Path tokenDir = Files.createDirectories(dataDir.resolve("tokens"));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("reader", "writer", "admin")) {
            String token = keys.token("dev-" + role, Set.of(role), TOKEN_LIFETIME);
            Files.writeString(tokenDir.resolve(role + ".jwt"), token);
            tokens.put(role, token);
        }
        Path secret = dataDir.resolve("cursor-secret");
        if (!Files.isRegularFile(secret)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.writeString(secret, HexFormat.of().formatHex(random));
        }
        return new DevCredentials(keys, Files.readString(secret).trim(), tokens, tokenDir);
    }

    /** The settings the packaged app needs to trust the dev tokens. */
    void putInto(Map<String, String> env) {
        PackagedEnv.trust(env, keys, cursorSecret);
    }

    String token(String role) {
        return tokens.get(role);
    }

    Path tokenDir() {
        return tokenDir;
    }
}
