package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One step of a chain: the version it produces, its upcast and that version's data schema. */
public record UpcastStep(int version, Upcast upcast, JsonNode schema) {
    /** {@code version} is at least 2 (version 1 has nothing to upcast from); {@code schema} may be null. */
    public UpcastStep {
        if (version < 2) {
            throw new IllegalArgumentException("an upcast produces version 2 or later, not " + version);
        }
        Objects.requireNonNull(upcast, "upcast");
    }
}
