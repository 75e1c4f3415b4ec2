package dev.annals.projection;

import dev.annals.event.Actor;
import dev.annals.event.Source;
import dev.annals.event.TimelineEvent;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps a decoded event to its read-model row. */
final class ReadEvents {
    private ReadEvents() {
    }

    static ReadEvent toEntity(int generation, EventDecoder.Valid valid) {
        TimelineEvent event = valid.event();
        ReadEvent row = new ReadEvent();
        PrecisionInterval interval = PrecisionInterval.of(valid.localOccurredAt(), event.occurredAtPrecision());
        row.generation = generation;
        row.eventId = event.id();
        row.timelineId = event.timelineId();
        row.sequence = event.sequence();
        row.eventType = event.type();
        row.occurredAt = event.occurredAt();
        row.occurredAtPrecision = event.occurredAtPrecision().wire();
        row.occurredFrom = interval.from();
        row.occurredUntil = interval.until();
        row.recordedAt = event.recordedAt();
        row.title = event.title();
        row.actorIds = event.actors().stream().map(Actor::id).toArray(String[]::new);
        row.actorNames = event.actors().stream().map(Actor::name).toArray(String[]::new);
        row.publishers = event.sources().stream().map(Source::publisher)
                .map(p -> p.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        row.tags = event.tags().toArray(String[]::new);
        row.searchText = Stream.concat(Stream.of(event.title(), event.summary()),
                        event.actors().stream().map(Actor::name))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" \n "));
        row.payload = valid.payload();
        return row;
    }
}
