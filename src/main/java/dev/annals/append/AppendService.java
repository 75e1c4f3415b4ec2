package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.ProblemType;
import dev.annals.event.TimelineEvent;
import dev.annals.journal.JournalEntry;
import dev.annals.journal.OutboxEntry;
import dev.annals.journal.TimelineEntity;
import dev.annals.relay.OutboxSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event-sourcing core: appends a batch to a timeline's journal and to the outbox in one transaction,
 * all or nothing, under a row lock on the timeline that serialises its appends.
 */
@ApplicationScoped
public class AppendService {
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OutboxSignal signal;

    public AppendService(EntityManager em, ObjectMapper mapper, OutboxSignal signal) {
        this.em = em;
        this.mapper = mapper;
        this.signal = signal;
    }

    /** Outcome of an append: the answer, and whether it replays an earlier identical append. */
    public record Outcome(AppendResult result, boolean replayed) {
    }

    @Transactional
    public Outcome append(String timelineId, Precondition precondition, List<NewEvent> batch, TraceContext trace) {
        List<NewEvent> events = batch.stream().map(NewEvent::withDefaults).toList();
        List<String> hashes = events.stream().map(e -> ContentHash.of(timelineId, e)).toList();

        TimelineEntity timeline = lockTimeline(timelineId);
        List<JournalEntry> known = JournalEntry.list("eventId in ?1", events.stream().map(NewEvent::id).toList());
        if (!known.isEmpty()) {
            return new Outcome(replay(timelineId, events, hashes, known), true);
        }
        String violation = precondition.violation(timeline.version);
        if (violation != null) {
            throw new dev.annals.error.ProblemException(ProblemType.VERSION_CONFLICT.conflict(
                    "Nothing was stored: " + violation, timeline.version));
        }

        OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<AppendResult.Appended> appended = new ArrayList<>(events.size());
        long from = timeline.version + 1;
        for (int i = 0; i < events.size(); i++) {
            long sequence = from + i;
            journal(timelineId, sequence, recordedAt, events.get(i), hashes.get(i)).persist();
            appended.add(new AppendResult.Appended(events.get(i).id(), sequence, recordedAt));
        }
        timeline.version = from + events.size() - 1;
        timeline.updatedAt = recordedAt;

        OutboxEntry outbox = new OutboxEntry();
        outbox.timelineId = timelineId;
        outbox.fromSequence = from;
        outbox.toSequence = timeline.version;
        outbox.createdAt = recordedAt;
        outbox.requestId = trace.requestId();
        outbox.traceparent = trace.traceparent();
        outbox.persist();
        em.flush();
        signal.notifyOnCommit();
        return new Outcome(new AppendResult(timelineId, timeline.version,
                AppendResult.position(timelineId, timeline.version), appended), false);
    }

    private TimelineEntity lockTimeline(String timelineId) {
        em.createNativeQuery("insert into timeline (timeline_id, version, created_at, updated_at) "
                        + "values (?1, 0, now(), now()) on conflict (timeline_id) do nothing")
                .setParameter(1, timelineId)
                .executeUpdate();
        return em.find(TimelineEntity.class, timelineId, LockModeType.PESSIMISTIC_WRITE);
    }

    private JournalEntry journal(String timelineId, long sequence, OffsetDateTime recordedAt, NewEvent event,
                                 String hash) {
        TimelineEvent recorded = new TimelineEvent(event.id(), timelineId, sequence, event.type(),
                event.occurredAt(), event.occurredAtPrecision(), recordedAt, event.title(), event.summary(),
                event.actors(), event.sources(), event.tags(), event.data());
        JournalEntry entry = new JournalEntry();
        entry.eventId = event.id();
        entry.timelineId = timelineId;
        entry.sequence = sequence;
        entry.eventType = event.type();
        entry.occurredAt = event.occurredAt();
        entry.recordedAt = recordedAt;
        entry.contentHash = hash;
        try {
            entry.payload = mapper.writeValueAsString(recorded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
        return entry;
    }

    /** The same ids with the same content again: answer as the first time, store nothing. */
    private AppendResult replay(String timelineId, List<NewEvent> events, List<String> hashes,
                                List<JournalEntry> known) {
        Map<UUID, JournalEntry> byId = new HashMap<>();
        known.forEach(entry -> byId.put(entry.eventId, entry));
        for (int i = 0; i < events.size(); i++) {
            JournalEntry entry = byId.get(events.get(i).id());
            if (entry == null || !entry.timelineId.equals(timelineId) || !entry.contentHash.equals(hashes.get(i))) {
                throw ProblemType.IDEMPOTENCY_CONFLICT.exception("Nothing was stored: event id " + events.get(i).id()
                        + " (index " + i + ") " + (entry == null
                        ? "is new while other ids of this batch were already appended"
                        : "was already appended with different content or to another timeline"));
            }
        }
        List<JournalEntry> ordered = known.stream().sorted(Comparator.comparingLong(e -> e.sequence)).toList();
        long version = ordered.get(ordered.size() - 1).sequence;
        List<AppendResult.Appended> appended = events.stream().map(e -> byId.get(e.id()))
                .map(e -> new AppendResult.Appended(e.eventId, e.sequence, e.recordedAt.withOffsetSameInstant(
                        ZoneOffset.UTC)))
                .toList();
        return new AppendResult(timelineId, version, AppendResult.position(timelineId, version), appended);
    }
}
