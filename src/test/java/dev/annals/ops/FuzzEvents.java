package dev.annals.ops;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary append events for the fuzz test: mostly plausible, with hostile values in every field. */
final class FuzzEvents {
    private FuzzEvents() {}

    /** Mostly clean text (letters, RTL marks, emoji, combining marks), sometimes with controls and NUL. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.frequencyOf(Tuple.of(9, text(maxLength, false)), Tuple.of(1, text(maxLength, true)));
    }

    /** Text of Unicode code points but lone surrogates; {@code hostile}: with C0/C1 controls and NUL too. */
    static Arbitrary<String> text(int maxLength, boolean hostile) {
        Arbitrary<Integer> clean = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.of(0x200e, 0x200f, 0x202e, 0x2066, 0xfeff, 0x0301, (int) '\t', (int) '\n')),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1faff)));
        Arbitrary<Integer> codePoint = hostile
                ? Arbitraries.frequencyOf(
                        Tuple.of(4, clean),
                        Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                        Tuple.of(1, Arbitraries.of(0x7f, 0x85, 0x9b)))
                : clean;
        return codePoint.list().ofMaxSize(maxLength).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    static Arbitrary<String> slug() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        9,
                        Arbitraries.strings()
                                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                                .ofMinLength(1)
                                .ofMaxLength(12)
                                .filter(s -> s.charAt(0) != '-')),
                Tuple.of(1, text(10)));
    }

    static Arbitrary<String> occurredAt() {
        Arbitrary<String> plausible = Combinators.combine(
                        Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                        Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(s -> s / 900 * 900))
                .as((seconds, offset) -> OffsetDateTime.ofInstant(
                                java.time.Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds(offset))
                        .toString());
        return Arbitraries.frequencyOf(
                Tuple.of(8, plausible),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "2026-02-26T18:00:00",
                                "0000-01-01T00:00:00Z",
                                "+10000-01-01T00:00:00Z",
                                "2026-02-30T00:00Z")),
                Tuple.of(1, text(25)));
    }

    static Arbitrary<Map<String, Object>> actor() {
        return Combinators.combine(slug(), text(40), text(20).optional()).as((id, name, role) -> {
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("id", id);
            actor.put("name", name);
            role.ifPresent(r -> actor.put("role", r));
            return actor;
        });
    }

    static Arbitrary<Map<String, Object>> source() {
        Arbitrary<String> url = Arbitraries.frequencyOf(
                Tuple.of(
                        6,
                        Arbitraries.strings().alpha().numeric().ofMaxLength(30).map(t -> "https://example.org/" + t)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                "javascript:alert(1)",
                                "data:text/html,x",
                                "HTTP://EXAMPLE.ORG",
                                "https://x.org/a?b=c#d")),
                Tuple.of(1, text(20)));
        return Combinators.combine(
                        text(40),
                        url.optional(),
                        Arbitraries.of("confirmed", "reported", "alleged", "denied", "confirmed", "reported", "rumour"))
                .as((publisher, link, reliability) -> {
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("publisher", publisher);
                    link.ifPresent(l -> source.put("url", l));
                    source.put("reliability", reliability);
                    return source;
                });
    }

    static Arbitrary<Map<String, Object>> events() {
        Arbitrary<Optional<String>> precision = Arbitraries.of(
                        "second", "minute", "hour", "day", "month", "year", "hour", "day", "week")
                .optional();
        Arbitrary<String> type =
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("statement-issued")), Tuple.of(1, slug()));
        Arbitrary<Map<String, Object>> data = Combinators.combine(slug(), text(60))
                .as((speaker, quote) -> Map.<String, Object>of("speaker", speaker, "quote", quote));
        return Combinators.combine(
                        Arbitraries.create(() -> java.util.UUID.randomUUID().toString())
                                .optional(),
                        type,
                        occurredAt(),
                        precision,
                        text(60),
                        text(120).optional(),
                        actor().list().ofMaxSize(3),
                        source().list().ofMaxSize(2))
                .as((id, kind, at, exactness, title, summary, actors, sources) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    id.ifPresent(i -> event.put("id", i));
                    event.put("type", kind);
                    event.put("occurredAt", at);
                    exactness.ifPresent(p -> event.put("occurredAtPrecision", p));
                    event.put("title", title);
                    summary.ifPresent(s -> event.put("summary", s));
                    event.put("actors", actors);
                    event.put("sources", sources);
                    return event;
                })
                .flatMap(event -> Combinators.combine(slug().list().ofMaxSize(3), data)
                        .as((tags, payload) -> {
                            Map<String, Object> full = new LinkedHashMap<>(event);
                            full.put("tags", tags);
                            full.put("data", payload);
                            return full;
                        }));
    }
}
