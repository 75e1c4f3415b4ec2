package dev.annals.projection;

import dev.annals.event.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes one poll batch into a projection generation in a single transaction: the new read-model rows, the
 * timeline counters and the next offset of every partition in the batch. A crash at any point leaves either all
 * of it or none, and the consumer resumes from the stored offsets, so each event is applied exactly once.
 */
@ApplicationScoped
public class ProjectionStore {
    public static final String PROJECTION = "timeline";

    private final EntityManager em;

    public ProjectionStore(EntityManager em) {
        this.em = em;
    }

    /** What one batch did. */
    public record Applied(boolean generationCurrent, int applied, int duplicates) {
    }

    /**
     * Applies the batch to {@code generation}, unless that generation is no longer the one this runner feeds
     * (the live runner after a blue/green switch, a rebuild after it was superseded): then nothing is written.
     */
    @Transactional
    public Applied apply(int generation, boolean live, List<EventDecoder.Valid> batch,
                         Map<TopicPartition, Long> nextOffsets) {
        ProjectionStateEntity state = em.find(ProjectionStateEntity.class, PROJECTION, LockModeType.PESSIMISTIC_READ);
        boolean current = live ? state.activeGeneration == generation
                : Integer.valueOf(generation).equals(state.buildingGeneration);
        if (!current) {
            return new Applied(false, 0, 0);
        }
        List<TimelineEvent> events = batch.stream().map(EventDecoder.Valid::event).toList();
        Set<String> known = known(generation, events);
        int applied = 0;
        Map<String, TimelineEvent[]> firstLast = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent event = events.get(i);
            if (!known.add(event.id().toString()) || !known.add(event.timelineId() + ":" + event.sequence())) {
                continue;
            }
            ReadEvents.toEntity(generation, batch.get(i)).persist();
            applied++;
            counts.merge(event.timelineId(), 1L, Long::sum);
            versions.merge(event.timelineId(), event.sequence(), Math::max);
            firstLast.merge(event.timelineId(), new TimelineEvent[] {event, event}, (a, b) -> new TimelineEvent[] {
                    a[0].occurredAt().isAfter(b[0].occurredAt()) ? b[0] : a[0],
                    a[1].occurredAt().isBefore(b[1].occurredAt()) ? b[1] : a[1]});
        }
        for (Map.Entry<String, Long> timeline : counts.entrySet()) {
            TimelineEvent[] range = firstLast.get(timeline.getKey());
            upsertTimeline(generation, timeline.getKey(), timeline.getValue(), versions.get(timeline.getKey()),
                    range[0].occurredAt(),
                    range[1].occurredAt());
        }
        nextOffsets.forEach((partition, offset) -> storeOffset(generation, partition, offset));
        return new Applied(true, applied, events.size() - applied);
    }

    /** Ids and timeline:sequence keys of the batch that the generation already holds. */
    private Set<String> known(int generation, List<TimelineEvent> events) {
        Set<String> known = new HashSet<>();
        if (events.isEmpty()) {
            return known;
        }
        List<UUID> ids = events.stream().map(TimelineEvent::id).toList();
        List<String> timelines = events.stream().map(TimelineEvent::timelineId).distinct().toList();
        List<Long> sequences = events.stream().map(TimelineEvent::sequence).distinct().toList();
        List<Object[]> rows = em.createQuery("select e.eventId, e.timelineId, e.sequence from ReadEvent e "
                        + "where e.generation = ?1 and (e.eventId in ?2 or (e.timelineId in ?3 and e.sequence in ?4))",
                        Object[].class)
                .setParameter(1, generation).setParameter(2, ids).setParameter(3, timelines)
                .setParameter(4, sequences).getResultList();
        for (Object[] row : rows) {
            known.add(row[0].toString());
            known.add(row[1] + ":" + row[2]);
        }
        return known;
    }

    private void upsertTimeline(int generation, String timelineId, long added, long version, OffsetDateTime first,
                                OffsetDateTime last) {
        em.createNativeQuery("""
                        insert into read_timeline (generation, timeline_id, event_count, version, first_occurred_at,
                                                   last_occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (generation, timeline_id) do update set
                            event_count = read_timeline.event_count + excluded.event_count,
                            version = greatest(read_timeline.version, excluded.version),
                            first_occurred_at = least(read_timeline.first_occurred_at, excluded.first_occurred_at),
                            last_occurred_at = greatest(read_timeline.last_occurred_at, excluded.last_occurred_at)""")
                .setParameter(1, generation).setParameter(2, timelineId).setParameter(3, added)
                .setParameter(4, version).setParameter(5, first).setParameter(6, last)
                .executeUpdate();
    }

    private void storeOffset(int generation, TopicPartition partition, long nextOffset) {
        em.createNativeQuery("""
                        insert into projection_offset (projection, generation, topic, partition, next_offset)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (projection, generation, topic, partition)
                        do update set next_offset = greatest(projection_offset.next_offset, excluded.next_offset)""")
                .setParameter(1, PROJECTION).setParameter(2, generation).setParameter(3, partition.topic())
                .setParameter(4, partition.partition()).setParameter(5, nextOffset)
                .executeUpdate();
    }

    /** The stored next offsets of a generation, by partition number. */
    @Transactional
    public Map<Integer, Long> offsets(int generation, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        em.createNativeQuery("select partition, next_offset from projection_offset where projection = ?1 "
                        + "and generation = ?2 and topic = ?3", Object[].class)
                .setParameter(1, PROJECTION).setParameter(2, generation).setParameter(3, topic)
                .getResultList()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    offsets.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
                });
        return offsets;
    }

    @Transactional
    public int activeGeneration() {
        return em.find(ProjectionStateEntity.class, PROJECTION).activeGeneration;
    }
}
