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
        ProjectionMetrics metrics,
        IntConsumer switched) {
    void onSwitched(int generation) {
        switched.accept(generation);
    }
}
