package dev.annals.security;

import dev.annals.config.AnnalsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a production instance (the packaged app) that would run with a public secret or without a way
 * to verify tokens: better a clear start failure than a service anyone can write to or forge cursors for.
 */
@ApplicationScoped
public class ProductionPrerequisites {
    static final int MIN_CURSOR_SECRET_LENGTH = 32;

    void check(@Observes StartupEvent start, AnnalsConfig annals, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(
                annals.query().cursorSecret(),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                                .isPresent()
                        || config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                                .isPresent());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Annals will not start: " + String.join("; ", missing));
        }
    }

    /** What a production start lacks, each as an instruction; empty when it may start. */
    static List<String> missing(String cursorSecret, boolean verificationKey) {
        List<String> missing = new ArrayList<>();
        if (AnnalsConfig.Query.DEFAULT_CURSOR_SECRET.equals(cursorSecret)) {
            missing.add("set ANNALS_QUERY_CURSOR_SECRET (annals.query.cursor-secret) to a random value of at least "
                    + MIN_CURSOR_SECRET_LENGTH + " characters, the same on every instance (e.g. openssl rand -hex 32)");
        } else if (cursorSecret.length() < MIN_CURSOR_SECRET_LENGTH) {
            missing.add("annals.query.cursor-secret is shorter than " + MIN_CURSOR_SECRET_LENGTH + " characters");
        }
        if (!verificationKey) {
            missing.add("set MP_JWT_VERIFY_PUBLICKEY_LOCATION (mp.jwt.verify.publickey.location) to the PEM file or "
                    + "JWKS URL of the key your tokens are signed with");
        }
        return missing;
    }
}
