package dev.annals.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.ProblemType;
import dev.annals.event.TimelineEvent;
import dev.annals.event.Times;
import dev.annals.registry.ReadUpcasting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the journal: the classic event-store read of one timeline, in append order. */
@ApplicationScoped
public class JournalReader {
    /** JPA hint: statement timeout in milliseconds, so a slow journal read cannot hold a write-pool connection. */
    private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ReadUpcasting upcasting;
    private final int timeoutMillis;

    public JournalReader(EntityManager em, ObjectMapper mapper, AnnalsConfig config, ReadUpcasting upcasting) {
        this.em = em;
        this.mapper = mapper;
        this.upcasting = upcasting;
        this.timeoutMillis = (int) config.query().statementTimeout().toMillis();
    }

    public TimelineSummary summary(String timelineId) {
        TimelineEntity timeline = existing(timelineId);
        List<Tuple> rows = em.createQuery(
                        "select j.eventType as type, count(j) as n, min(j.occurredAt) as first, "
                                + "max(j.occurredAt) as last from JournalEntry j where j.timelineId = ?1 "
                                + "group by j.eventType order by j.eventType",
                        Tuple.class)
                .setParameter(1, timelineId)
                .setHint(TIMEOUT_HINT, timeoutMillis)
                .getResultList();
        Map<String, Long> byType = new LinkedHashMap<>();
        OffsetDateTime first = null;
        OffsetDateTime last = null;
        for (Tuple row : rows) {
            byType.put(row.get("type", String.class), row.get("n", Long.class));
            OffsetDateTime min = row.get("first", OffsetDateTime.class);
            OffsetDateTime max = row.get("last", OffsetDateTime.class);
            first = first == null || min.isBefore(first) ? min : first;
            last = last == null || max.isAfter(last) ? max : last;
        }
        long count = byType.values().stream().mapToLong(Long::longValue).sum();
        return new TimelineSummary(
                timelineId,
                timeline.version,
                count,
                byType,
                Times.utc(timeline.createdAt),
                Times.utc(timeline.updatedAt),
                Times.utc(first),
                Times.utc(last));
    }

    public StreamPage page(String timelineId, long fromSequence, int limit) {
        TimelineEntity timeline = existing(timelineId);
        List<JournalEntry> entries = JournalEntry.find(
                        "timelineId = ?1 and sequence >= ?2 order by sequence", timelineId, fromSequence)
                .withHint(TIMEOUT_HINT, timeoutMillis)
                .page(0, limit)
                .list();
        List<TimelineEvent> events = entries.stream().map(this::event).toList();
        Long next = null;
        if (!events.isEmpty() && events.get(events.size() - 1).sequence() < timeline.version) {
            next = events.get(events.size() - 1).sequence() + 1;
        }
        return new StreamPage(timelineId, timeline.version, events, next);
    }

    public TimelineEvent event(String timelineId, long sequence) {
        existing(timelineId);
        JournalEntry entry = JournalEntry.find("timelineId = ?1 and sequence = ?2", timelineId, sequence)
                .withHint(TIMEOUT_HINT, timeoutMillis)
                .firstResult();
        if (entry == null) {
            throw ProblemType.NOT_FOUND.exception("Timeline " + timelineId + " has no event " + sequence);
        }
        return event(entry);
    }

    private TimelineEntity existing(String timelineId) {
        TimelineEntity timeline = TimelineEntity.findById(timelineId);
        if (timeline == null || timeline.version == 0) {
            throw ProblemType.NOT_FOUND.exception("No timeline " + timelineId);
        }
        return timeline;
    }

    private TimelineEvent event(JournalEntry entry) {
        try {
            return upcasting.current(mapper.readValue(entry.payload, TimelineEvent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt journal payload for event " + entry.eventId, e);
        }
    }
}
