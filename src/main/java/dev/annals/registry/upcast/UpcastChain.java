package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Applies the steps after a written version, in order. */
public final class UpcastChain {
    private UpcastChain() {}

    /**
     * Upcasts {@code data} through {@code steps}: every version after the one the data was written under, up to the
     * latest, in ascending order, each {@link Upcast#apply applied} to the result of the one before (a version without
     * an upcast is a step too, for its defaults). No steps gives a copy of {@code data}; {@code data} itself is never
     * changed.
     *
     * @throws IllegalArgumentException if the versions of {@code steps} are not consecutive and ascending
     * @throws UpcastFailure if an operation fails, with the {@link UpcastFailure#version() version} of its step
     */
    public static JsonNode apply(JsonNode data, List<UpcastStep> steps) {
        JsonNode current = data.deepCopy();
        int previous = -1;
        for (UpcastStep step : steps) {
            if (previous != -1 && step.version() != previous + 1) {
                throw new IllegalArgumentException(
                        "upcast steps not consecutive: version " + step.version() + " after " + previous);
            }
            previous = step.version();
            try {
                current = step.upcast().apply(current, step.schema());
            } catch (UpcastFailure failure) {
                throw failure.atVersion(step.version());
            }
        }
        return current;
    }
}
