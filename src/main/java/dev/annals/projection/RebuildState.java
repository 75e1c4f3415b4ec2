package dev.annals.projection;

import java.util.Locale;

/** Where a rebuild stands, as stored in {@code projection_rebuild.state} and shown by {@code GET /v1/projections}. */
public enum RebuildState {
    /** Replaying the topic into its generation. */
    REBUILDING,
    /** Caught up, held everything the live generation held, and became the active generation. */
    SWITCHED,
    /** Caught up but would have lost events the live generation holds: not switched (see the reason). */
    REFUSED,
    /** Given up without switching (see the reason), e.g. its generation was no longer the one being built. */
    ABANDONED,
    /** A newer rebuild was started before this one switched. */
    SUPERSEDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RebuildState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
