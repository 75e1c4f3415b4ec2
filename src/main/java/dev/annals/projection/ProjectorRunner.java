package dev.annals.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes the events topic into one projection generation. The live runner subscribes with the consumer group
 * (partitions spread over instances); a rebuild runner reads every partition from the start (or resumes from its
 * stored offsets), reports in to the rebuild ledger, and asks for the blue/green switch once it has caught up. Both
 * dead-letter every record they reject, with their generation in the headers. Either way the position comes from
 * the offsets stored with the read model, never from Kafka's committed offsets.
 */
final class ProjectorRunner implements Runnable {
    private static final Logger LOG = Logger.getLogger(ProjectorRunner.class);

    private final boolean live;
    private final ProjectorContext ctx;
    private final String topic;
    final RunnerStats stats = new RunnerStats();
    private volatile int generation;
    private volatile boolean running = true;
    private KafkaConsumer<String, byte[]> consumer;
    private long lagCheckedAt;
    private final RebuildSteward steward;

    /** A live runner reads the active generation itself when it starts; pass 0. */
    ProjectorRunner(boolean live, int generation, ProjectorContext ctx) {
        this.live = live;
        this.generation = generation;
        this.ctx = ctx;
        this.topic = ctx.config().topic().name();
        this.steward = live ? null : new RebuildSteward(ctx, topic);
    }

    int generation() {
        return generation;
    }

    boolean live() {
        return live;
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = ProjectorConsumers.create(ctx, live, generation)) {
                consumer = c;
                ctx.topics().ensure(topic);
                if (live) {
                    generation = ctx.store().activeGeneration();
                    c.subscribe(List.of(topic), new SeekOnAssign());
                } else {
                    List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
                    c.assign(partitions);
                    seekStored(partitions);
                }
                stats.state(live ? "running" : "rebuilding");
                loop(c);
            } catch (WakeupException e) {
                LOG.debug("Projector woken up to stop");
            } catch (Exception e) {
                stats.error(e);
                stats.state("retrying");
                LOG.warnf("Projector (generation %d) failed: %s; retrying", generation, e.getMessage());
                pause();
            } finally {
                consumer = null;
            }
        }
        if (List.of("running", "rebuilding", "retrying", "starting").contains(stats.state())) {
            stats.state("stopped");
        }
    }

    private void loop(KafkaConsumer<String, byte[]> c) throws Exception {
        while (running) {
            ConsumerRecords<String, byte[]> records =
                    c.poll(ctx.config().projection().pollTimeout());
            if (!records.isEmpty()) {
                try {
                    try {
                        apply(c, records);
                    } catch (RuntimeException e) {
                        if (!RejectedByDatabase.is(e)) {
                            throw e;
                        }
                        stats.error(e);
                        LOG.warnf("The read model rejected a batch (%s); applying it record by record", e.getMessage());
                        applyOneByOne(c, records);
                    }
                } catch (RuntimeException
                        | java.util.concurrent.ExecutionException
                        | java.util.concurrent.TimeoutException e) {
                    stats.error(e);
                    LOG.warnf("Projection batch failed, it will be retried: %s", e.getMessage());
                    pause();
                    seekStored(c.assignment());
                    continue;
                }
            }
            lagCheckedAt = ProjectorConsumers.refreshLag(c, stats, lagCheckedAt, !live, live ? ctx.metrics() : null);
            if (!live) {
                String ended = steward.step(generation, stats);
                if (ended != null) {
                    end(ended);
                }
            }
        }
    }

    private void end(String state) {
        stats.state(state);
        running = false;
        if (!"released".equals(state)) {
            ctx.onRebuildEnded(generation);
        }
    }

    /**
     * After the database rejected a whole batch: applies each record in its own transaction, and dead-letters the
     * record the database rejects (its offset is stored past it), so that one bad record cannot stall a partition.
     */
    private void applyOneByOne(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records)
            throws Exception {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                if (!apply(c, List.of(record))) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!RejectedByDatabase.is(e)) {
                    throw e;
                }
                DeadLetters.DeadLetter letter = new DeadLetters.DeadLetter(
                        record,
                        new EventDecoder.Rejected(
                                DeadLetterReason.INVALID_EVENT,
                                "the read model rejected the event: " + e.getMessage()));
                ctx.deadLetters().publish(List.of(letter), generation, live);
                ProjectionStore.Applied applied = ctx.store()
                        .apply(
                                generation,
                                live,
                                List.of(),
                                List.of(letter),
                                Map.of(new TopicPartition(record.topic(), record.partition()), record.offset() + 1));
                if (!applied.generationCurrent()) {
                    notCurrent(c);
                    return;
                }
                stats.deadLettered.incrementAndGet();
                committed();
            }
        }
    }

    /** Applies records as one batch; false when this runner's generation is no longer current. */
    private boolean apply(KafkaConsumer<String, byte[]> c, Iterable<ConsumerRecord<String, byte[]>> records)
            throws Exception {
        List<EventDecoder.Valid> events = new ArrayList<>();
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventDecoder.Decoded decoded = ctx.decoder().decode(record);
            if (decoded instanceof EventDecoder.Valid valid) {
                events.add(valid);
            } else {
                dead.add(new DeadLetters.DeadLetter(record, (EventDecoder.Rejected) decoded));
            }
            next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        ctx.deadLetters().publish(dead, generation, live);
        ProjectionStore.Applied applied = ctx.store().apply(generation, live, events, dead, next);
        if (!applied.generationCurrent()) {
            notCurrent(c);
            return false;
        }
        stats.applied.addAndGet(applied.applied());
        stats.duplicates.addAndGet(applied.duplicates());
        stats.deadLettered.addAndGet(dead.size());
        committed();
        if (live) {
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            next.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
            c.commitAsync(commit, null);
        }
        return true;
    }

    /** This runner's generation is no longer the one it feeds: the live runner follows the switch, a rebuild ends. */
    private void notCurrent(KafkaConsumer<String, byte[]> c) {
        if (live) {
            generation = ctx.store().activeGeneration();
            LOG.infof("Projection switched to generation %d; resuming from its offsets", generation);
            seekStored(c.assignment());
        } else {
            stats.state("superseded");
            running = false;
        }
    }

    /** Wakes this instance's queries waiting for a position (other instances hear the batch's notification). */
    private void committed() {
        if (live) {
            ctx.signal().committed();
        }
    }

    private void seekStored(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, Long> stored = ctx.store().offsets(generation, topic);
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition.partition());
            if (offset == null) {
                consumer.seekToBeginning(Set.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(ctx.config().projection().retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Positions come from the read model's stored offsets whenever partitions are (re)assigned. */
    private final class SeekOnAssign implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to flush: every applied batch already committed its offsets with the read model
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            generation = ctx.store().activeGeneration();
            seekStored(partitions);
        }
    }
}
