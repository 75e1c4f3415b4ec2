package dev.annals.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits and behaviour of the append API: {@code annals.append.*}. */
public interface AppendConfig {
    @WithDefault("1000")
    int maxEvents();

    /**
     * Largest event, as JSON, in bytes; keeps every record well below Kafka's default 1 MiB message limit so
     * that no event can be stored and then never published.
     */
    @WithDefault("262144")
    int maxEventBytes();

    /** Threads that write appends to the journal, each taking whatever appends are waiting (group commit). */
    @WithDefault("4")
    int writers();

    /** Most events one journal transaction takes from the queue (a larger single append still goes alone). */
    @WithDefault("2000")
    int maxGroupEvents();

    /** Longest wait for a lock (the timeline row) in an append; past it the append is 503 and writes nothing. */
    @WithDefault("2s")
    Duration lockTimeout();

    /** Longest time one append call may run in the database (whole seconds); past it the append is 503. */
    @WithDefault("30s")
    Duration statementTimeout();

    /** How long an Idempotency-Key is remembered after its append; expired keys are purged in batches. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    /** How often expired Idempotency-Keys are purged, at most 1000 per delete. */
    @WithDefault("1m")
    Duration idempotencyPurgeInterval();

    /**
     * Bytes of append bodies being parsed and handled at once (all requests together); past it an append is
     * 503 with Retry-After. Counts bytes read and 80 bytes per JSON token parsed. Default: a quarter of the heap,
     * at least 16 MiB.
     */
    Optional<MemorySize> bodyBudget();

    /** Limits of the JSON parser for append bodies (Jackson StreamReadConstraints). */
    Json json();

    /** Limits of the JSON parser for append bodies. */
    interface Json {
        /** Deepest nesting of arrays and objects (the body's array counts as one). */
        @WithDefault("64")
        int maxNestingDepth();

        /** Longest string value, in characters. */
        @WithDefault("262144")
        int maxStringLength();

        /** Longest number, in characters. */
        @WithDefault("100")
        int maxNumberLength();

        /** Longest object key, in characters. */
        @WithDefault("1000")
        int maxNameLength();

        /** Most JSON tokens in one body. */
        @WithDefault("1000000")
        long maxTokens();
    }
}
