package dev.annals.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.append.AppendService;
import dev.annals.append.AppendValidator;
import dev.annals.append.ContentHash;
import dev.annals.append.NewEvent;
import dev.annals.append.Precondition;
import dev.annals.append.TraceContext;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports an NDJSON stream into a timeline: each line validated as one event of a JSON append (an invalid line
 * is skipped and reported with its number), the valid ones appended in chunks through {@link AppendService}
 * (each chunk atomic, no precondition). Ids make it idempotent: an event already in the journal with the same
 * content counts as already present, one whose id is taken by other content is rejected ({@code idConflict}).
 */
@ApplicationScoped
public class EventImport {
    /** How often a chunk is sorted out anew when concurrent appends keep taking its ids. */
    private static final int CONFLICT_ATTEMPTS = 3;

    private final AppendService service;
    private final JournalLookup journal;
    private final ImportLine lines;
    private final BulkConfig config;
    private final int maxLineBytes;

    public EventImport(
            AppendService service,
            AppendValidator validator,
            JournalLookup journal,
            ObjectMapper mapper,
            AnnalsConfig annals,
            BulkConfig config) {
        this.service = service;
        this.journal = journal;
        this.config = config;
        this.lines = new ImportLine(mapper, annals.append(), validator);
        // a line may carry more whitespace than its compact JSON, whose size the validator checks exactly
        this.maxLineBytes = 4 * annals.append().maxEventBytes();
    }

    /** One valid line waiting in a chunk. */
    private record Pending(long line, NewEvent event, String hash) {}

    /** Reads {@code body} to its end and answers what became of each line. */
    public ImportResult run(
            String timelineId, InputStream body, boolean deriveIds, TraceContext trace, String recordedBy)
            throws IOException {
        ImportTally tally = new ImportTally(config.maxReportedErrors());
        NdjsonLines reader = new NdjsonLines(body, maxLineBytes);
        Map<UUID, Pending> chunk = new LinkedHashMap<>();
        long chunkBytes = 0;
        NdjsonLines.Line line;
        while ((line = reader.next()) != null) {
            tally.lines++;
            if (line.tooLong()) {
                tally.reject(
                        line.number(),
                        "",
                        "maxBytes",
                        "the line is " + line.length() + " bytes long, at most " + maxLineBytes
                                + " are read (and an event is at most its compact JSON's limit)");
                continue;
            }
            if (line.blank()) {
                continue;
            }
            ImportLine.Read read = lines.read(timelineId, line.bytes(), deriveIds);
            if (read.event() == null) {
                tally.reject(line.number(), read.errors());
                continue;
            }
            NewEvent event = read.event();
            Pending pending = new Pending(line.number(), event, ContentHash.of(timelineId, event.withDefaults()));
            Pending earlier = chunk.get(event.id());
            if (earlier != null) {
                if (earlier.hash().equals(pending.hash())) {
                    tally.alreadyPresent++;
                } else {
                    tally.reject(
                            line.number(),
                            "/id",
                            "idConflict",
                            "event id " + event.id() + " is used by line " + earlier.line() + " for other content");
                }
                continue;
            }
            chunk.put(event.id(), pending);
            chunkBytes += line.length();
            if (chunk.size() >= config.chunkSize() || chunkBytes >= config.chunkBytes()) {
                flush(timelineId, new ArrayList<>(chunk.values()), trace, recordedBy, tally);
                chunk.clear();
                chunkBytes = 0;
            }
        }
        flush(timelineId, new ArrayList<>(chunk.values()), trace, recordedBy, tally);
        return tally.result(timelineId, journal.version(timelineId));
    }

    /** Appends a chunk; when some of its ids are in the journal already, sorts them out and appends the rest. */
    private void flush(
            String timelineId, List<Pending> chunk, TraceContext trace, String recordedBy, ImportTally tally) {
        for (int attempt = 1; !chunk.isEmpty(); attempt++) {
            try {
                AppendService.Outcome outcome = service.append(
                        timelineId,
                        Precondition.NONE,
                        chunk.stream().map(Pending::event).toList(),
                        trace,
                        recordedBy,
                        null);
                if (outcome.replayed()) {
                    tally.alreadyPresent += chunk.size();
                } else {
                    tally.appended += chunk.size();
                }
                return;
            } catch (ProblemException e) {
                if (!ProblemType.IDEMPOTENCY_CONFLICT
                                .problem("")
                                .type()
                                .equals(e.problem().type())
                        || attempt > CONFLICT_ATTEMPTS) {
                    throw stopped(e, tally);
                }
                chunk = withoutKnown(timelineId, chunk, tally);
            }
        }
    }

    /** The chunk without its events already in the journal, counted as present or rejected as conflicts. */
    private List<Pending> withoutKnown(String timelineId, List<Pending> chunk, ImportTally tally) {
        Map<UUID, JournalLookup.Known> known =
                journal.known(chunk.stream().map(p -> p.event().id()).toList());
        List<Pending> rest = new ArrayList<>();
        for (Pending pending : chunk) {
            JournalLookup.Known row = known.get(pending.event().id());
            if (row == null) {
                rest.add(pending);
            } else if (row.timelineId().equals(timelineId) && row.contentHash().equals(pending.hash())) {
                tally.alreadyPresent++;
            } else {
                tally.reject(
                        pending.line(),
                        "/id",
                        "idConflict",
                        "event id " + pending.event().id() + " is already in the journal "
                                + (row.timelineId().equals(timelineId)
                                        ? "with other content"
                                        : "of another timeline (import with ids=derive to copy a timeline)"));
            }
        }
        return rest;
    }

    /** A chunk failed as a whole (database, lock): the import stops; what was appended before stays. */
    private static ProblemException stopped(ProblemException e, ImportTally tally) {
        var p = e.problem();
        return new ProblemException(new dev.annals.error.Problem(
                p.type(),
                p.title(),
                p.status(),
                "The import stopped after " + tally.lines + " lines (" + tally.appended + " events appended, "
                        + tally.alreadyPresent + " already present): " + p.detail()
                        + ". Send the file again: the events already appended are skipped.",
                p.instance(),
                p.errors(),
                p.currentVersion(),
                p.requestId()));
    }
}
