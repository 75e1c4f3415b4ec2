package dev.annals.append;

import dev.annals.error.ProblemType;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answers of an append that repeats a stored one: by Idempotency-Key, or by the same ids and content. */
final class Replays {
    private Replays() {}

    /** The same Idempotency-Key with the same body again: the original answer, from the journal. */
    static AppendResult ofKey(String timelineId, AppendCall.Keyed keyed) {
        List<AppendResult.Appended> appended = keyed.entries().stream()
                .sorted(Comparator.comparingLong(AppendCall.Entry::sequence))
                .map(e -> new AppendResult.Appended(
                        e.eventId(), e.sequence(), e.recordedAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .toList();
        return new AppendResult(
                timelineId, keyed.version(), AppendResult.position(timelineId, keyed.version()), appended);
    }

    /** The same ids with the same content again: answer as the first time, store nothing. */
    static AppendResult ofIds(String timelineId, List<AppendCall.Row> rows, List<AppendCall.Entry> known) {
        Map<UUID, AppendCall.Entry> byId = new HashMap<>();
        known.forEach(entry -> byId.put(entry.eventId(), entry));
        for (int i = 0; i < rows.size(); i++) {
            AppendCall.Entry entry = byId.get(rows.get(i).id());
            if (entry == null
                    || !entry.timelineId().equals(timelineId)
                    || !entry.contentHash().equals(rows.get(i).hash())) {
                throw ProblemType.IDEMPOTENCY_CONFLICT.exception(
                        "Nothing was stored: event id " + rows.get(i).id()
                                + " (index " + i + ") "
                                + (entry == null
                                        ? "is new while other ids of this batch were already appended"
                                        : "was already appended with different content or to another timeline"));
            }
        }
        long version = known.stream()
                .max(Comparator.comparingLong(AppendCall.Entry::sequence))
                .orElseThrow()
                .sequence();
        List<AppendResult.Appended> appended = rows.stream()
                .map(row -> byId.get(row.id()))
                .map(e -> new AppendResult.Appended(
                        e.eventId(), e.sequence(), e.recordedAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .toList();
        return new AppendResult(timelineId, version, AppendResult.position(timelineId, version), appended);
    }
}
