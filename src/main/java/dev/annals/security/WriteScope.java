package dev.annals.security;

import java.util.List;

/**
 * The timelines a token may write to, from its timelines claim: exact ids, or prefixes written with a trailing
 * {@code *}. No claim at all means every timeline.
 */
public record WriteScope(List<String> entries) {
    public static final WriteScope UNRESTRICTED = new WriteScope(null);

    public WriteScope {
        entries = entries == null ? null : List.copyOf(entries);
    }

    public boolean allows(String timelineId) {
        if (entries == null) {
            return true;
        }
        for (String entry : entries) {
            if (entry.endsWith("*")
                    ? timelineId.startsWith(entry.substring(0, entry.length() - 1))
                    : timelineId.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
