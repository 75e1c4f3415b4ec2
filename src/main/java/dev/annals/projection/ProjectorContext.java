package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.kafka.KafkaTopics;
import java.util.function.IntConsumer;

/** Everything a projector runner needs, handed over by the projector bean. */
record ProjectorContext(
        AnnalsConfig config,
        KafkaTopics topics,
        EventDecoder decoder,
        DeadLetters deadLetters,
        ProjectionStore store,
        Generations generations,
        RebuildLedger ledger,
        ProjectionSignal signal,
        ProjectionMetrics metrics,
        String instance,
        IntConsumer rebuildEnded) {
    /** A rebuild switched, was refused or superseded: its generation, or the old one, can be dropped. */
    void onRebuildEnded(int generation) {
        rebuildEnded.accept(generation);
    }
}
