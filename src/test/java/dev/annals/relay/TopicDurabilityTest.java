package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.kafka.TopicDurability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule for created topics: replication min(3, brokers) unless set, min.insync.replicas one less, at least 1. */
class TopicDurabilityTest {

    @Test
    void replicationIsAsHighAsTheClusterAllowsUpToThree() {
        assertEquals(1, TopicDurability.replicationFactor(Optional.empty(), 1));
        assertEquals(2, TopicDurability.replicationFactor(Optional.empty(), 2));
        assertEquals(3, TopicDurability.replicationFactor(Optional.empty(), 3));
        assertEquals(3, TopicDurability.replicationFactor(Optional.empty(), 7));
        assertEquals(1, TopicDurability.replicationFactor(Optional.empty(), 0), "an unknown cluster size: 1");
    }

    @Test
    void anExplicitReplicationFactorWins() {
        assertEquals(5, TopicDurability.replicationFactor(Optional.of((short) 5), 7));
        assertEquals(1, TopicDurability.replicationFactor(Optional.of((short) 1), 7));
    }

    @Test
    void minInsyncIsOneLessThanReplicationAndAtLeastOne() {
        assertEquals(1, TopicDurability.minInsyncReplicas(Optional.empty(), (short) 1));
        assertEquals(1, TopicDurability.minInsyncReplicas(Optional.empty(), (short) 2));
        assertEquals(2, TopicDurability.minInsyncReplicas(Optional.empty(), (short) 3));
        assertEquals(4, TopicDurability.minInsyncReplicas(Optional.empty(), (short) 5));
        assertEquals(3, TopicDurability.minInsyncReplicas(Optional.of(3), (short) 5));
    }

    @Test
    void aSafeTopicOnASafeClusterHasNoWarning() {
        assertEquals(List.of(), TopicDurability.warnings("t", 3, 3, 2));
        assertEquals(List.of(), TopicDurability.warnings("t", 5, 5, 4));
    }

    @Test
    void fewBrokersLowReplicationAndLowMinInsyncAreEachWarned() {
        List<String> single = TopicDurability.warnings("annals.events", 1, 1, 1);
        assertEquals(3, single.size(), single.toString());
        assertTrue(single.get(0).contains("1 broker(s)"), single.get(0));
        assertTrue(single.get(1).contains("replication factor 1"), single.get(1));
        assertTrue(single.get(2).contains("min.insync.replicas 1"), single.get(2));
        List<String> existing = TopicDurability.warnings("annals.events", 3, 3, 1);
        assertEquals(1, existing.size(), "an existing topic with min.insync.replicas 1 on 3 brokers");
        List<String> lowRf = TopicDurability.warnings("annals.events", 3, 2, 2);
        assertEquals(1, lowRf.size(), "an existing topic with replication 2 on 3 brokers");
    }
}
