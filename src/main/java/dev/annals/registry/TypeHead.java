package dev.annals.registry;

import java.time.OffsetDateTime;

/** The mutable part of a registered type: its names, latest version and deprecation, as of {@code revision}. */
public record TypeHead(
        String type,
        String title,
        String description,
        int latestVersion,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime deprecatedAt,
        long revision) {

    public boolean deprecated() {
        return deprecatedAt != null;
    }
}
