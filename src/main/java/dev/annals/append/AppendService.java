package dev.annals.append;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.correction.CorrectionCheck;
import dev.annals.error.DatabaseException;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import dev.annals.event.TimelineEvent;
import dev.annals.relay.OutboxSignal;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-sourcing core: appends a batch to a timeline's journal and to the outbox in one transaction, all or
 * nothing, under a row lock on the timeline that serialises its appends; concurrent appends share transactions
 * ({@link GroupCommit}).
 */
@ApplicationScoped
public class AppendService {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";
    private static final String LOCK_TIMEOUT = "55P03";

    /** How often an append with changes is checked anew when the timeline moved on under its checks. */
    private static final int CHANGE_ATTEMPTS = 5;

    private static final Precondition NEVER = Precondition.exactly(-1);

    private final GroupCommit groupCommit;
    private final ObjectMapper mapper;
    private final OutboxSignal signal;
    private final CorrectionCheck corrections;

    public AppendService(
            GroupCommit groupCommit, ObjectMapper mapper, OutboxSignal signal, CorrectionCheck corrections) {
        this.groupCommit = groupCommit;
        this.mapper = mapper;
        this.signal = signal;
        this.corrections = corrections;
    }

    /** Outcome of an append: the answer, and whether it replays an earlier identical append. */
    public record Outcome(AppendResult result, boolean replayed) {}

    /**
     * Appends the batch, recorded by {@code recordedBy} (the writer's subject, null when anonymous); with an {@code idempotencyKey} (already validated) a retry of a successful append with
     * the same body gets the original answer, another body a 409.
     */
    public Outcome append(
            String timelineId,
            Precondition precondition,
            List<NewEvent> batch,
            TraceContext trace,
            String recordedBy,
            String idempotencyKey) {
        for (int attempt = 1; ; attempt++) {
            CorrectionCheck.Checked checked;
            try {
                checked = corrections.check(timelineId, batch);
            } catch (ProblemException refused) {
                // a retry of a stored change fails its checks (its event is retracted now, say): replay it
                Outcome replay = replayOnly(timelineId, batch, trace, recordedBy, idempotencyKey);
                if (replay != null) {
                    return replay;
                }
                throw refused;
            }
            if (checked.version().isEmpty()) {
                return attempt(timelineId, precondition, precondition, batch, trace, recordedBy, idempotencyKey);
            }
            long seen = checked.version().getAsLong();
            if (precondition.violation(seen) != null) {
                throw new ProblemException(ProblemType.VERSION_CONFLICT.conflict(
                        "Nothing was stored: " + precondition.violation(seen), seen));
            }
            // the checks hold for the version they saw: append only onto it, and check anew if it moved on
            Outcome outcome = attempt(
                    timelineId,
                    precondition,
                    Precondition.exactly(seen),
                    checked.events(),
                    trace,
                    recordedBy,
                    idempotencyKey);
            if (outcome != null) {
                return outcome;
            }
            if (attempt == CHANGE_ATTEMPTS) {
                throw ProblemType.SERVICE_UNAVAILABLE.exception("Nothing was stored: the timeline changed under the "
                        + "checks of its corrections " + CHANGE_ATTEMPTS + " times in a row; retry");
            }
            backOff(attempt);
        }
    }

    /** The original answer when the batch repeats a stored append (same Idempotency-Key, or same ids); else null. */
    private Outcome replayOnly(
            String timelineId, List<NewEvent> batch, TraceContext trace, String recordedBy, String idempotencyKey) {
        if (idempotencyKey == null && batch.stream().allMatch(e -> e.id() == null)) {
            return null;
        }
        try {
            // no timeline is at version -1: only a replay can be the answer
            return attempt(timelineId, NEVER, NEVER, batch, trace, recordedBy, idempotencyKey);
        } catch (ProblemException notAReplay) {
            return null;
        }
    }

    /** A short random pause, so that racing changes of one busy timeline do not retry in lockstep. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemType.SERVICE_UNAVAILABLE.exception("Nothing was stored: interrupted; retry");
        }
    }

    /** One attempt; null when only the version the change checks saw moved on, and the caller's condition holds. */
    private Outcome attempt(
            String timelineId,
            Precondition precondition,
            Precondition effective,
            List<NewEvent> batch,
            TraceContext trace,
            String recordedBy,
            String idempotencyKey) {
        List<NewEvent> events = batch.stream().map(NewEvent::withDefaults).toList();
        List<String> hashes =
                events.stream().map(event -> ContentHash.of(timelineId, event)).toList();
        String fingerprint = idempotencyKey == null ? null : ContentHash.fingerprint(batch, hashes);
        AppendCall.Request request =
                request(timelineId, effective, events, hashes, trace, recordedBy, idempotencyKey, fingerprint);
        List<AppendCall.Row> rows = request.rows();
        AppendCall.Answer answer;
        try {
            answer = groupCommit.append(request);
        } catch (SQLException e) {
            throw failure(e);
        }
        if (answer instanceof AppendCall.Keyed keyed) {
            return new Outcome(Replays.ofKey(timelineId, keyed), true);
        }
        if (answer instanceof AppendCall.KeyConflict) {
            throw ProblemType.IDEMPOTENCY_KEY_CONFLICT.exception(
                    "Nothing was stored: the Idempotency-Key was used for a different body on this timeline",
                    List.of(new FieldError(
                            IdempotencyKey.HEADER,
                            "sameBody",
                            "this key was used for another request body; use a new key for a new request")));
        }
        if (answer instanceof AppendCall.Known known) {
            return new Outcome(Replays.ofIds(timelineId, rows, known.entries()), true);
        }
        if (answer instanceof AppendCall.Conflict conflict) {
            if (effective != precondition && precondition.violation(conflict.version()) == null) {
                return null;
            }
            throw new ProblemException(ProblemType.VERSION_CONFLICT.conflict(
                    "Nothing was stored: " + precondition.violation(conflict.version()), conflict.version()));
        }
        AppendCall.Appended done = (AppendCall.Appended) answer;
        long version = done.version();
        OffsetDateTime recordedAt = done.recordedAt();
        signal.committed();
        long from = version - events.size() + 1;
        List<AppendResult.Appended> appended = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            appended.add(new AppendResult.Appended(events.get(i).id(), from + i, recordedAt));
        }
        return new Outcome(
                new AppendResult(timelineId, version, AppendResult.position(timelineId, version), appended), false);
    }

    /** A failed append call as an answer: nothing was written in any case. */
    private static RuntimeException failure(SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state) || DEADLOCK.equals(state)) {
            return ProblemType.IDEMPOTENCY_CONFLICT.exception(
                    "Nothing was stored: a concurrent append used the same event id; retry");
        }
        if (LOCK_TIMEOUT.equals(state)) {
            return ProblemType.SERVICE_UNAVAILABLE.exception(
                    "Nothing was stored: the timeline stayed locked by another transaction past the lock timeout; "
                            + "retry later");
        }
        return new DatabaseException(e);
    }

    /** The request stamped now, its events serialised once with that stamp; it can stamp itself anew. */
    private AppendCall.Request request(
            String timelineId,
            Precondition precondition,
            List<NewEvent> events,
            List<String> hashes,
            TraceContext trace,
            String recordedBy,
            String idempotencyKey,
            String fingerprint) {
        OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<AppendCall.Row> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            TimelineEvent recorded = new TimelineEvent(
                    event.id(),
                    timelineId,
                    0,
                    event.type(),
                    event.typeVersion(),
                    null,
                    event.occurredAt(),
                    event.occurredAtPrecision(),
                    recordedAt,
                    event.title(),
                    event.summary(),
                    event.actors(),
                    event.sources(),
                    event.tags(),
                    event.data(),
                    recordedBy);
            rows.add(new AppendCall.Row(
                    event.id(),
                    event.type(),
                    event.typeVersion(),
                    ISO_OFFSET_DATE_TIME.format(event.occurredAt()),
                    hashes.get(i),
                    PayloadParts.of(mapper, recorded)));
        }
        return new AppendCall.Request(
                timelineId,
                precondition.minVersion(),
                precondition.maxVersion(),
                rows,
                recordedAt,
                trace,
                idempotencyKey,
                fingerprint,
                () -> request(
                        timelineId, precondition, events, hashes, trace, recordedBy, idempotencyKey, fingerprint));
    }
}
