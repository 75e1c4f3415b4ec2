package dev.annals.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * What a packaged (production-profile) Annals needs before it starts, for the tests, the benchmark and the dev run:
 * the key its tokens are verified with, their issuer, a cursor secret, and a free management port.
 */
public final class PackagedEnv {
    private PackagedEnv() {}

    /** Puts the security settings and a management port into a child process's environment; returns that port. */
    public static int secure(Map<String, String> env, TestKeys keys, String cursorSecret) {
        trust(env, keys, cursorSecret);
        int port = freePort();
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(port));
        return port;
    }

    /** The key and issuer tokens are verified with, and the cursor secret. */
    public static void trust(Map<String, String> env, TestKeys keys, String cursorSecret) {
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toString());
        env.put("MP_JWT_VERIFY_ISSUER", keys.issuer());
        env.put("ANNALS_QUERY_CURSOR_SECRET", cursorSecret);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
