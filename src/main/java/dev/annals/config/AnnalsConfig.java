package dev.annals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of Annals: every {@code annals.*} property. */
@ConfigMapping(prefix = "annals")
public interface AnnalsConfig {

    /** The Kafka topic events are published to. */
    Topic topic();

    /** The outbox relay that publishes committed events. */
    Relay relay();

    /** Limits of the append API. */
    AppendConfig append();

    /** Limits of every HTTP request (body size, query-string length). */
    HttpLimitsConfig http();

    /** CloudEvents attributes of published records. */
    CloudEvents cloudevents();

    /** The timeline projection (the read model fed from the topic). */
    Projection projection();

    /** The query API over the read model. */
    Query query();

    /** Thresholds of the dependencies health group (Kafka, outbox backlog, projection lag; not readiness). */
    Health health();

    /** Topic settings; the topic is created with them when absent. */
    interface Topic {
        @WithDefault("annals.events")
        String name();

        @WithDefault("3")
        int partitions();

        /** Replicas per partition; unset: min(3, brokers) when Annals creates the topic. */
        Optional<Short> replicationFactor();

        /** {@code min.insync.replicas} of created topics; unset: replication factor - 1, at least 1. */
        Optional<Integer> minInsyncReplicas();

        /** Whether Annals creates the topic at start-up when it does not exist. */
        @WithDefault("true")
        boolean create();
    }

    /** Relay settings. */
    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Outbox rows (appends) published per round. */
        @WithDefault("1000")
        int batchSize();

        /** Longest wait between two outbox checks when no notification arrives. */
        @WithDefault("1s")
        Duration idleWait();

        /** Pause after a failed round (broker unreachable) before trying again. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** How long the producer keeps retrying one record before the round is failed and retried. */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /** On shutdown, how long the relay keeps publishing until the outbox is empty before it stops. */
        @WithDefault("10s")
        Duration drainTimeout();

        /** Bytes of event JSON per round (the first outbox row always goes), bounding the round's memory. */
        @WithDefault("8388608")
        long maxRoundBytes();

        /**
         * How long PostgreSQL keeps the relay's session (and so the relay lock) when its peer is gone: TCP
         * keepalives and {@code tcp_user_timeout} of the relay session are set from it.
         */
        @WithDefault("30s")
        Duration sessionTimeout();

        /** Longest pause of a timeline whose records Kafka keeps refusing (doubling from the retry backoff). */
        @WithDefault("30s")
        Duration timelineBackoffMax();
    }

    /** CloudEvents attributes. */
    interface CloudEvents {
        /** The {@code ce_source} of every published event. */
        @WithDefault("/annals")
        String source();

        /**
         * Public base URL of this Annals: {@code ce_dataschema} of a record is this followed by
         * {@code /v1/event-types/{type}/versions/{n}}, where a subscriber fetches the schema of its data.
         */
        @WithDefault("http://localhost:8080")
        String dataschemaBase();
    }

    /** Projection settings. */
    interface Projection {
        /** Whether this instance runs the projector (queries work either way). */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group of the live projector; partitions are shared among instances. */
        @WithDefault("annals-projector")
        String groupId();

        /** Where records the projection cannot apply are copied, with the reason in headers. */
        @WithDefault("annals.events.dlq")
        String deadLetterTopic();

        /** Records per batch, applied in one transaction; large enough that catching up amortises the commit. */
        @WithDefault("2000")
        int maxPollRecords();

        @WithDefault("500ms")
        Duration pollTimeout();

        /**
         * Consumer group protocol of the live projector: {@code consumer} (KIP-848, needs Kafka 4.0+ brokers) or
         * {@code classic} for older brokers.
         */
        @WithDefault("consumer")
        String groupProtocol();

        /** Pause after a failed batch before it is retried from the stored offsets. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Rebuilds of the projection. */
        Rebuild rebuild();
    }

    /** Rebuild settings: ownership, the switch rule and how old generations are dropped. */
    interface Rebuild {
        /** A rebuild whose owner has not reported for this long is taken over (resumed) by another instance. */
        @WithDefault("30s")
        Duration staleAfter();

        /** How often the instance running a rebuild reports in (and others look for a stale one to resume). */
        @WithDefault("5s")
        Duration heartbeat();

        /**
         * Whether a rebuild may switch although it dead-lettered events the live generation holds (they leave the
         * read model; they stay in the dead-letter topic). Events neither rebuilt nor dead-lettered always refuse.
         */
        @WithDefault("false")
        boolean switchDespiteRejected();

        /** Rows deleted per transaction when an old generation is dropped. */
        @WithDefault("10000")
        int dropBatchSize();
    }

    /** Query settings. */
    interface Query {
        /** Longest time a query with waitFor waits for the projection to apply a position. */
        @WithDefault("5s")
        Duration waitTimeout();

        /** While waiting for a position, how often the watermark is re-read when no projector wake-up arrives. */
        @WithDefault("500ms")
        Duration waitPoll();

        @WithDefault("50")
        int defaultLimit();

        @WithDefault("500")
        int maxLimit();

        /**
         * Longest a read-model query may run (PostgreSQL {@code statement_timeout} of the read pool, in PostgreSQL
         * units: {@code 500ms}, {@code 5s}); a query cut off answers 503 with Retry-After.
         */
        @WithDefault("5s")
        Duration statementTimeout();

        /** Key that signs pagination cursors; set the same value on every instance. */
        @WithDefault(DEFAULT_CURSOR_SECRET)
        String cursorSecret();

        /** The built-in cursor key: fine for a laptop, public knowledge in production. */
        String DEFAULT_CURSOR_SECRET = "annals-default-cursor-key-change-me";
    }

    /** The dependencies health group: DOWN when Kafka does not answer or a backlog is too large (not readiness). */
    interface Health {
        /** Outbox rows (appends) not yet published above which the instance is not ready. */
        @WithDefault("10000")
        long outboxBacklogMax();

        /** Records the projector is behind (summed over its partitions) above which the instance is not ready. */
        @WithDefault("100000")
        long projectionLagMax();

        /** How long the Kafka check waits for the cluster to answer. */
        @WithDefault("3s")
        Duration kafkaTimeout();
    }
}
