package dev.annals.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Query responses carry timestamps in UTC. */
final class Times {
    private Times() {
    }

    static OffsetDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
