package dev.annals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live feed {@code GET /v1/events/live}: {@code annals.live.*}. */
@ConfigMapping(prefix = "annals.live")
public interface LiveConfig {
    /** How often an idle stream gets a comment line (and its latest position as id), so proxies keep it open. */
    @WithDefault("15s")
    Duration heartbeat();

    /**
     * How many items a client may have waiting to be written to its connection; one more disconnects it with a
     * final {@code overflow} event naming the last id delivered.
     */
    @WithDefault("1000")
    int buffer();

    /** How many streams one instance serves at once; one more is answered 503. */
    @WithDefault("500")
    int maxSubscribers();

    /** How often the feed looks for projected batches when no wake-up came (a lost notification only delays). */
    @WithDefault("1s")
    Duration pollInterval();

    /** At most this many topic offsets per partition are read per step (bounds a step's rows and memory). */
    @WithDefault("500")
    int batch();
}
