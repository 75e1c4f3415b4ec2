package dev.annals.ops;

import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Generated append events for the fuzz test. A clean event is valid by construction (with unusual text: RTL marks,
 * emoji, combining marks, CJK); a hostile one may break any rule in any field (controls, NUL, bad slugs, times,
 * precisions, urls, reliabilities, types).
 */
final class FuzzEvents {
    private static final List<Character> SLUG_CHARS = chars("abcdefghijklmnopqrstuvwxyz0123456789-");
    private static final List<Character> ALPHANUMERIC =
            chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private FuzzEvents() {}

    /** Mostly clean events, a few hostile ones. */
    static Gen<Map<String, Object>> events() {
        return frequency(Pair.of(17, event(false)), Pair.of(3, event(true)));
    }

    /** Text of Unicode code points but lone surrogates; {@code hostile}: C0/C1 controls and NUL too. */
    static Gen<String> text(int minLength, int maxLength, boolean hostile) {
        Gen<Integer> clean = frequency(
                Pair.of(12, range(0x20, 0x7e)),
                Pair.of(1, pick(List.of(0x200e, 0x200f, 0x202e, 0x2066, 0xfeff, 0x0301, (int) '\t', (int) '\n'))),
                Pair.of(2, range(0xa0, 0xd7ff)),
                Pair.of(1, range(0x1f300, 0x1faff)));
        Gen<Integer> codePoint = hostile
                ? frequency(Pair.of(6, clean), Pair.of(1, range(0, 0x1f)), Pair.of(1, pick(List.of(0x7f, 0x85, 0x9b))))
                : clean;
        return lists().of(codePoint).ofSizeBetween(minLength, maxLength).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    private static Gen<String> slug(boolean hostile) {
        Gen<String> slug = lists().of(pick(SLUG_CHARS))
                .ofSizeBetween(1, 12)
                .map(FuzzEvents::join)
                .map(s -> s.charAt(0) == '-' ? "a" + s.substring(1) : s);
        return hostile ? frequency(Pair.of(2, slug), Pair.of(1, text(0, 10, true))) : slug;
    }

    private static Gen<String> occurredAt(boolean hostile) {
        // whole minutes with a non-zero second, so that every instant prints with its seconds (RFC 3339)
        Gen<String> plausible = longRange(-62_135_510_400L, 253_402_214_400L)
                .map(s -> s / 60 * 60 + 7)
                .zip(
                        range(-18 * 4, 18 * 4).map(q -> q * 900),
                        (seconds, offset) -> OffsetDateTime.ofInstant(
                                        Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds(offset))
                                .toString());
        if (!hostile) {
            return plausible;
        }
        return frequency(
                Pair.of(3, plausible),
                Pair.of(
                        1,
                        pick(List.of(
                                "2026-02-26T18:00:00",
                                "0000-01-01T00:00:00Z",
                                "+10000-01-01T00:00:00Z",
                                "2026-02-30T00:00:00Z"))),
                Pair.of(1, text(0, 25, true)));
    }

    private static Gen<Map<String, Object>> actor(boolean hostile) {
        return slug(hostile).zip(text(1, 40, hostile), text(0, 20, hostile).toOptionals(50), (id, name, role) -> {
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("id", id);
            actor.put("name", name);
            role.ifPresent(r -> actor.put("role", r));
            return actor;
        });
    }

    private static Gen<Map<String, Object>> source(boolean hostile) {
        Gen<String> url =
                lists().of(pick(ALPHANUMERIC)).ofSizeBetween(0, 30).map(t -> "https://example.org/" + join(t));
        Gen<String> reliability = pick(List.of("confirmed", "reported", "alleged", "denied"));
        if (hostile) {
            url = frequency(
                    Pair.of(2, url),
                    Pair.of(1, pick(List.of("javascript:alert(1)", "data:text/html,x", "HTTP://EXAMPLE.ORG/a"))),
                    Pair.of(1, text(0, 20, true)));
            reliability = pick(List.of("confirmed", "reported", "rumour", ""));
        }
        return text(1, 40, hostile).zip(url.toOptionals(30), reliability, (publisher, link, trust) -> {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("publisher", publisher);
            link.ifPresent(l -> source.put("url", l));
            source.put("reliability", trust);
            return source;
        });
    }

    private static Gen<Map<String, Object>> event(boolean hostile) {
        Gen<String> precision = hostile
                ? pick(List.of("second", "day", "week", "", "HOUR"))
                : pick(List.of("second", "minute", "hour", "day", "month", "year"));
        Gen<String> type = hostile
                ? frequency(Pair.of(2, constant("statement-issued")), Pair.of(1, slug(true)))
                : constant("statement-issued");
        Gen<Map<String, Object>> data = slug(hostile)
                .zip(
                        text(1, 60, hostile),
                        (speaker, quote) -> Map.<String, Object>of("speaker", speaker, "quote", quote));
        Gen<Optional<String>> id = constant(() -> UUID.randomUUID().toString()).toOptionals(30);
        Gen<Map<String, Object>> head =
                id.zip(type, occurredAt(hostile), precision.toOptionals(30), (i, kind, at, p) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    i.ifPresent(value -> event.put("id", value));
                    event.put("type", kind);
                    event.put("occurredAt", at);
                    p.ifPresent(value -> event.put("occurredAtPrecision", value));
                    return event;
                });
        Gen<Map<String, Object>> texts = text(hostile ? 0 : 1, 60, hostile)
                .zip(text(0, 120, hostile).toOptionals(40), (title, summary) -> {
                    Map<String, Object> part = new LinkedHashMap<>();
                    part.put("title", title);
                    summary.ifPresent(s -> part.put("summary", s));
                    return part;
                });
        Gen<Map<String, Object>> lists = lists().of(actor(hostile))
                .ofSizeBetween(0, 3)
                .zip(
                        lists().of(source(hostile)).ofSizeBetween(0, 2),
                        lists().of(slug(hostile)).ofSizeBetween(0, 3),
                        data,
                        (actors, sources, tags, payload) -> {
                            Map<String, Object> part = new LinkedHashMap<>();
                            part.put("actors", actors);
                            part.put("sources", sources);
                            part.put("tags", tags);
                            part.put("data", payload);
                            return part;
                        });
        return head.zip(texts, lists, (a, b, c) -> {
            Map<String, Object> event = new LinkedHashMap<>(a);
            event.putAll(b);
            event.putAll(c);
            return event;
        });
    }

    private static List<Character> chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> (char) c).toList();
    }

    private static String join(List<Character> characters) {
        StringBuilder text = new StringBuilder(characters.size());
        characters.forEach(text::append);
        return text.toString();
    }
}
