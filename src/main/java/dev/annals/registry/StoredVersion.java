package dev.annals.registry;

import java.time.OffsetDateTime;

/** One immutable version of a type as the database keeps it: the JSON texts exactly as registered. */
public record StoredVersion(
        String type,
        int version,
        String schemaDocument,
        String examples,
        String upcast,
        String contentHash,
        OffsetDateTime createdAt) {}
