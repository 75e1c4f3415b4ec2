package dev.annals.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may do what: {@code annals.security.*} (token verification itself is the standard {@code mp.jwt.*}). */
@ConfigMapping(prefix = "annals.security")
public interface SecurityConfig {
    /** Whether callers without a token may read (every GET under /v1 needs role reader otherwise). */
    @WithDefault("false")
    boolean publicRead();

    /**
     * The token claim that limits where its holder may write: a list of timeline ids, an entry ending in
     * {@code *} being a prefix. A token without the claim may write to every timeline.
     */
    @WithDefault("annals_timelines")
    String timelinesClaim();

    /**
     * Memory for verified tokens kept per instance (weighed by their length), each until it expires, so that a
     * token's signature is checked once per instance rather than on every request; 0 turns the cache off.
     */
    @WithDefault("8M")
    MemorySize tokenCache();
}
