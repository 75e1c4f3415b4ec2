package dev.annals.projection;

import dev.annals.event.Actor;
import dev.annals.event.Reliability;
import dev.annals.event.Source;
import dev.annals.event.TimelineEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A batch of read-model rows as one array per column, bound as array parameters of a single {@code unnest}
 * insert. Timestamps travel as PostgreSQL text in UTC with an era (so years before 1 AD keep their meaning), and
 * the text[] columns of each row as array literals, because a PostgreSQL array of arrays must be rectangular.
 */
record ReadEventColumns(
        UUID[] eventIds,
        String[] timelineIds,
        Long[] sequences,
        String[] types,
        String[] occurredAt,
        String[] precisions,
        String[] occurredFrom,
        String[] occurredUntil,
        String[] recordedAt,
        String[] titles,
        String[] actorIds,
        String[] actorNames,
        String[] publishers,
        String[] reliabilities,
        String[] tags,
        String[] searchTexts,
        String[] payloads,
        Integer[] partitions,
        Long[] offsets) {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss.SSSSSS'Z' G", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static ReadEventColumns of(List<EventDecoder.Valid> batch) {
        int n = batch.size();
        ReadEventColumns c = new ReadEventColumns(
                new UUID[n],
                new String[n],
                new Long[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new String[n],
                new Integer[n],
                new Long[n]);
        for (int i = 0; i < n; i++) {
            EventDecoder.Valid valid = batch.get(i);
            TimelineEvent event = valid.event();
            PrecisionInterval interval = PrecisionInterval.of(valid.localOccurredAt(), event.occurredAtPrecision());
            c.eventIds[i] = event.id();
            c.timelineIds[i] = event.timelineId();
            c.sequences[i] = event.sequence();
            c.types[i] = event.type();
            c.occurredAt[i] = timestamp(event.occurredAt());
            c.precisions[i] = event.occurredAtPrecision().wire();
            c.occurredFrom[i] = timestamp(interval.from());
            c.occurredUntil[i] = timestamp(interval.until());
            c.recordedAt[i] = timestamp(event.recordedAt());
            c.titles[i] = event.title();
            c.actorIds[i] = arrayLiteral(event.actors().stream().map(Actor::id));
            c.actorNames[i] = arrayLiteral(event.actors().stream().map(Actor::name));
            c.publishers[i] = arrayLiteral(event.sources().stream()
                    .map(Source::publisher)
                    .map(p -> p.toLowerCase(Locale.ROOT))
                    .distinct());
            c.reliabilities[i] = arrayLiteral(event.sources().stream()
                    .map(Source::reliability)
                    .filter(r -> r != null)
                    .map(Reliability::wire)
                    .distinct()
                    .sorted());
            c.tags[i] = arrayLiteral(event.tags().stream());
            c.searchTexts[i] = Stream.concat(
                            Stream.of(event.title(), event.summary()),
                            event.actors().stream().map(Actor::name))
                    .filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" \n "));
            c.payloads[i] = valid.payload();
            c.partitions[i] = valid.partition();
            c.offsets[i] = valid.offset();
        }
        return c;
    }

    static String timestamp(OffsetDateTime value) {
        return TIMESTAMP.format(value);
    }

    /** {@code {"a","b \"c\""}}: every element quoted, quotes and backslashes escaped. */
    static String arrayLiteral(Stream<String> values) {
        StringBuilder literal = new StringBuilder("{");
        values.forEach(value -> {
            literal.append(literal.length() == 1 ? "\"" : ",\"");
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        });
        return literal.append('}').toString();
    }
}
