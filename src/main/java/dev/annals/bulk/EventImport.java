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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    private static final java.net.URI IDEMPOTENCY_CONFLICT =
            ProblemType.IDEMPOTENCY_CONFLICT.problem("").type();

    private final AppendService service;
    private final JournalLookup journal;
    private final ImportLine lines;
    private final BulkConfig config;
    private final int maxLineBytes;
    private final ExecutorService appenders = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "annals-import-append");
        thread.setDaemon(true);
        return thread;
    });

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
        Future<ChunkOutcome> appending = null;
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
                // the chunk is appended while the next one is read and validated; one append at a time, in order
                awaitInto(appending, tally);
                List<Pending> full = new ArrayList<>(chunk.values());
                appending = appenders.submit(() -> flush(timelineId, full, trace, recordedBy));
                chunk = new LinkedHashMap<>();
                chunkBytes = 0;
            }
        }
        awaitInto(appending, tally);
        flush(timelineId, new ArrayList<>(chunk.values()), trace, recordedBy).into(tally);
        return tally.result(timelineId, journal.version(timelineId));
    }

    /** What became of a chunk's events; applied to the tally by the request's thread. */
    private record ChunkOutcome(long appended, long alreadyPresent, List<Rejection> rejections) {
        void into(ImportTally tally) {
            tally.appended += appended;
            tally.alreadyPresent += alreadyPresent;
            rejections.forEach(r -> tally.reject(r.line(), "/id", "idConflict", r.detail()));
        }
    }

    private record Rejection(long line, String detail) {}

    /** Waits for the chunk being appended and counts it; its failure stops the import. */
    private static void awaitInto(Future<ChunkOutcome> appending, ImportTally tally) {
        if (appending == null) {
            return;
        }
        try {
            appending.get().into(tally);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemType.SERVICE_UNAVAILABLE.exception("The import was interrupted; send the file again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw stopped(problem, tally);
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        appenders.shutdown();
    }

    /** Appends a chunk; when some of its ids are in the journal already, sorts them out and appends the rest. */
    private ChunkOutcome flush(String timelineId, List<Pending> chunk, TraceContext trace, String recordedBy) {
        long present = 0;
        List<Rejection> rejections = new ArrayList<>();
        for (int attempt = 1; !chunk.isEmpty(); attempt++) {
            try {
                AppendService.Outcome outcome = service.append(
                        timelineId,
                        Precondition.NONE,
                        chunk.stream().map(Pending::event).toList(),
                        trace,
                        recordedBy,
                        null);
                return outcome.replayed()
                        ? new ChunkOutcome(0, present + chunk.size(), rejections)
                        : new ChunkOutcome(chunk.size(), present, rejections);
            } catch (ProblemException e) {
                if (!IDEMPOTENCY_CONFLICT.equals(e.problem().type()) || attempt > CONFLICT_ATTEMPTS) {
                    throw e;
                }
                int rejected = rejections.size();
                List<Pending> rest = withoutKnown(timelineId, chunk, rejections);
                present += chunk.size() - rest.size() - (rejections.size() - rejected);
                chunk = rest;
            }
        }
        return new ChunkOutcome(0, present, rejections);
    }

    /** The chunk without its events already in the journal, counted as present or rejected as conflicts. */
    private List<Pending> withoutKnown(String timelineId, List<Pending> chunk, List<Rejection> rejections) {
        Map<UUID, JournalLookup.Known> known =
                journal.known(chunk.stream().map(p -> p.event().id()).toList());
        List<Pending> rest = new ArrayList<>();
        for (Pending pending : chunk) {
            JournalLookup.Known row = known.get(pending.event().id());
            if (row == null) {
                rest.add(pending);
            } else if (!row.timelineId().equals(timelineId)
                    || !row.contentHash().equals(pending.hash())) {
                rejections.add(new Rejection(
                        pending.line(),
                        "event id " + pending.event().id() + " is already in the journal "
                                + (row.timelineId().equals(timelineId)
                                        ? "with other content"
                                        : "of another timeline (import with ids=derive to copy a timeline)")));
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
