package dev.annals.projection;

import dev.annals.event.Slugs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a batch processed besides the rows it inserts, as array parameters of the batch statement: the highest
 * sequence per timeline (events applied or skipped, and dead letters whose key and {@code ce_sequence} name one)
 * and the dead-lettered records. Timelines are sorted, so concurrent batches lock watermark rows in one order.
 */
record ProcessedColumns(
        String[] watermarkTimelines,
        Long[] watermarkSequences,
        String[] deadTopics,
        Integer[] deadPartitions,
        Long[] deadOffsets,
        UUID[] deadEventIds,
        String[] deadTimelines,
        Long[] deadSequences,
        String[] deadReasons) {

    static ProcessedColumns of(List<EventDecoder.Valid> batch, List<DeadLetters.DeadLetter> dead) {
        Map<String, Long> highest = new TreeMap<>();
        for (EventDecoder.Valid valid : batch) {
            highest.merge(valid.event().timelineId(), valid.event().sequence(), Math::max);
        }
        int n = dead.size();
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        UUID[] eventIds = new UUID[n];
        String[] timelines = new String[n];
        Long[] sequences = new Long[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            ConsumerRecord<String, byte[]> record = dead.get(i).record();
            topics[i] = record.topic();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
            eventIds[i] = uuid(EventDecoder.header(record, "ce_id"));
            timelines[i] = record.key() != null && Slugs.isValid(record.key()) ? record.key() : null;
            sequences[i] = sequence(EventDecoder.header(record, "ce_sequence"));
            reasons[i] = dead.get(i).rejection().reason().wire();
            if (timelines[i] != null && sequences[i] != null) {
                highest.merge(timelines[i], sequences[i], Math::max);
            }
        }
        return new ProcessedColumns(
                highest.keySet().toArray(String[]::new),
                highest.values().toArray(Long[]::new),
                topics,
                partitions,
                offsets,
                eventIds,
                timelines,
                sequences,
                reasons);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long sequence(String value) {
        try {
            long sequence = value == null ? 0 : Long.parseLong(value.trim());
            return sequence > 0 ? sequence : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
