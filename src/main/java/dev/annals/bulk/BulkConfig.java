package dev.annals.bulk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bulk export and import: {@code annals.bulk.*}. */
@ConfigMapping(prefix = "annals.bulk")
public interface BulkConfig {
    /** Events per keyset page an export reads (one statement each, so the query statement timeout applies to it). */
    @WithDefault("1000")
    int exportPageSize();

    /** Most events an import appends in one atomic append. */
    @WithDefault("500")
    int chunkSize();

    /** Most bytes of NDJSON lines one import chunk holds (a chunk closes at chunk-size events or at this). */
    @WithDefault("2097152")
    int chunkBytes();

    /** How many rejected lines an import answer lists (all are counted). */
    @WithDefault("100")
    int maxReportedErrors();
}
