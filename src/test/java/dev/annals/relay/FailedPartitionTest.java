package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.annals.relay.KafkaPublisher.Outcome;
import org.junit.jupiter.api.Test;

/** A partition that fails takes every record left unwritten in it along; records of other partitions stay retried. */
class FailedPartitionTest {
    private static final Outcome A = Outcome.ACKED;
    private static final Outcome F = Outcome.FAILED;
    private static final Outcome X = Outcome.ABORTED;

    @Test
    void abortedRecordsOfAFailedPartitionAreHeldBackWithIt() {
        Outcome[] outcomes = {A, F, X, X, X, A, X};
        int[] partitions = {0, 1, 1, 2, 1, 2, -1};
        assertArrayEquals(
                new Outcome[] {A, F, F, X, F, A, X}, KafkaPublisher.holdFailedPartitions(outcomes, partitions));
    }

    @Test
    void aFailureWithoutAPartitionHoldsBackOnlyItself() {
        Outcome[] outcomes = {F, X, X};
        int[] partitions = {-1, 0, -1};
        assertArrayEquals(new Outcome[] {F, X, X}, KafkaPublisher.holdFailedPartitions(outcomes, partitions));
    }
}
