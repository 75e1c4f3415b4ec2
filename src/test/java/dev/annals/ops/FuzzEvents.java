package dev.annals.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitrary append events for the fuzz test. A clean event is valid by construction (with unusual text: RTL marks,
 * emoji, combining marks, CJK); a hostile one may break any rule in any field (controls, NUL, bad slugs, times,
 * precisions, urls, reliabilities, types).
 */
final class FuzzEvents {
    private FuzzEvents() {}

    /** Mostly clean events, a few hostile ones. */
    static Arbitrary<Map<String, Object>> events() {
        return Arbitraries.frequencyOf(Tuple.of(17, event(false)), Tuple.of(3, event(true)));
    }

    /** Text of Unicode code points but lone surrogates; {@code hostile}: C0/C1 controls and NUL too. */
    static Arbitrary<String> text(int minLength, int maxLength, boolean hostile) {
        Arbitrary<Integer> clean = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.of(0x200e, 0x200f, 0x202e, 0x2066, 0xfeff, 0x0301, (int) '\t', (int) '\n')),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1faff)));
        Arbitrary<Integer> codePoint = hostile
                ? Arbitraries.frequencyOf(
                        Tuple.of(6, clean),
                        Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                        Tuple.of(1, Arbitraries.of(0x7f, 0x85, 0x9b)))
                : clean;
        return codePoint.list().ofMinSize(minLength).ofMaxSize(maxLength).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    private static Arbitrary<String> slug(boolean hostile) {
        Arbitrary<String> slug = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(s -> s.charAt(0) != '-');
        return hostile ? Arbitraries.frequencyOf(Tuple.of(2, slug), Tuple.of(1, text(0, 10, true))) : slug;
    }

    private static Arbitrary<String> occurredAt(boolean hostile) {
        // whole minutes with a non-zero second, so that every instant prints with its seconds (RFC 3339)
        Arbitrary<String> plausible = Combinators.combine(
                        Arbitraries.longs()
                                .between(-62_135_510_400L, 253_402_214_400L)
                                .map(s -> s / 60 * 60 + 7),
                        Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> q * 900))
                .as((seconds, offset) -> OffsetDateTime.ofInstant(
                                Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds(offset))
                        .toString());
        if (!hostile) {
            return plausible;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(3, plausible),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "2026-02-26T18:00:00",
                                "0000-01-01T00:00:00Z",
                                "+10000-01-01T00:00:00Z",
                                "2026-02-30T00:00:00Z")),
                Tuple.of(1, text(0, 25, true)));
    }

    private static Arbitrary<Map<String, Object>> actor(boolean hostile) {
        return Combinators.combine(
                        slug(hostile),
                        text(1, 40, hostile),
                        text(0, 20, hostile).optional())
                .as((id, name, role) -> {
                    Map<String, Object> actor = new LinkedHashMap<>();
                    actor.put("id", id);
                    actor.put("name", name);
                    role.ifPresent(r -> actor.put("role", r));
                    return actor;
                });
    }

    private static Arbitrary<Map<String, Object>> source(boolean hostile) {
        Arbitrary<String> url =
                Arbitraries.strings().alpha().numeric().ofMaxLength(30).map(t -> "https://example.org/" + t);
        Arbitrary<String> reliability = Arbitraries.of("confirmed", "reported", "alleged", "denied");
        if (hostile) {
            url = Arbitraries.frequencyOf(
                    Tuple.of(2, url),
                    Tuple.of(1, Arbitraries.of("javascript:alert(1)", "data:text/html,x", "HTTP://EXAMPLE.ORG/a")),
                    Tuple.of(1, text(0, 20, true)));
            reliability = Arbitraries.of("confirmed", "reported", "rumour", "");
        }
        return Combinators.combine(text(1, 40, hostile), url.optional(), reliability)
                .as((publisher, link, trust) -> {
                    Map<String, Object> source = new LinkedHashMap<>();
                    source.put("publisher", publisher);
                    link.ifPresent(l -> source.put("url", l));
                    source.put("reliability", trust);
                    return source;
                });
    }

    private static Arbitrary<Map<String, Object>> event(boolean hostile) {
        Arbitrary<String> precision = hostile
                ? Arbitraries.of("second", "day", "week", "", "HOUR")
                : Arbitraries.of("second", "minute", "hour", "day", "month", "year");
        Arbitrary<String> type = hostile
                ? Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("statement-issued")), Tuple.of(1, slug(true)))
                : Arbitraries.just("statement-issued");
        Arbitrary<Map<String, Object>> data = Combinators.combine(slug(hostile), text(1, 60, hostile))
                .as((speaker, quote) -> Map.<String, Object>of("speaker", speaker, "quote", quote));
        return Combinators.combine(
                        Arbitraries.create(() -> UUID.randomUUID().toString()).optional(),
                        type,
                        occurredAt(hostile),
                        precision.optional(),
                        text(hostile ? 0 : 1, 60, hostile),
                        text(0, 120, hostile).optional(),
                        actor(hostile).list().ofMaxSize(3),
                        source(hostile).list().ofMaxSize(2))
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
                .flatMap(event -> Combinators.combine(slug(hostile).list().ofMaxSize(3), data)
                        .as((tags, payload) -> {
                            Map<String, Object> full = new LinkedHashMap<>(event);
                            full.put("tags", tags);
                            full.put("data", payload);
                            return full;
                        }));
    }
}
