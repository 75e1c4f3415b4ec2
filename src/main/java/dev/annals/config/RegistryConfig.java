package dev.annals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The event-type registry: {@code annals.registry.*}. */
@ConfigMapping(prefix = "annals.registry")
public interface RegistryConfig {
    /** How often each instance reads registry changes made elsewhere (a type is usable everywhere after it). */
    @WithDefault("250ms")
    Duration refreshInterval();

    /**
     * Class-path folders of event-type packs registered at start when their types are absent (each holds an
     * {@code index.json} listing the types and one {@code <type>.schema.json} per type).
     */
    @WithDefault("schemas/event-types")
    List<String> packs();
}
