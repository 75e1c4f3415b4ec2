package dev.annals.http;

import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags of re-serialised bodies: weak ({@code W/"..."}), since the JSON is written anew on every answer and
 * only its meaning, not its bytes, is promised to stay the same; compared weakly, as {@code If-None-Match} must be.
 */
public final class ETags {
    private ETags() {}

    public static EntityTag weak(String value) {
        return new EntityTag(value, true);
    }

    /** Whether an {@code If-None-Match} header names this tag (or is {@code *}), by weak comparison. */
    public static boolean noneMatchHits(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
