package dev.annals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Append request bodies built before the clock starts: JSON arrays of ~1 KiB {@code statement-issued} events whose
 * ids are placeholders, patched in place with fresh random UUIDs for every request.
 */
final class AppendBodies {
    private static final String PLACEHOLDER = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int VARIANTS = 16;

    private final byte[][] templates = new byte[VARIANTS][];
    private final int[][] idOffsets = new int[VARIANTS][];
    private final int eventsPerRequest;

    AppendBodies(int eventsPerRequest) {
        this.eventsPerRequest = eventsPerRequest;
        ObjectMapper mapper = new ObjectMapper();
        for (int v = 0; v < VARIANTS; v++) {
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < eventsPerRequest; i++) {
                events.add(event(v, i));
            }
            try {
                templates[v] = mapper.writeValueAsBytes(events);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            String text = new String(templates[v], StandardCharsets.US_ASCII);
            idOffsets[v] = new int[eventsPerRequest];
            int from = 0;
            for (int i = 0; i < eventsPerRequest; i++) {
                from = text.indexOf(PLACEHOLDER, from);
                idOffsets[v][i] = from;
                from += PLACEHOLDER.length();
            }
        }
    }

    int eventsPerRequest() {
        return eventsPerRequest;
    }

    /** Average JSON size of one event, in bytes. */
    int eventBytes() {
        return templates[0].length / eventsPerRequest;
    }

    /** A fresh body: a copy of a template with new event ids; {@code ids} (if not null) receives them. */
    byte[] next(List<String> ids) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int v = random.nextInt(VARIANTS);
        byte[] body = templates[v].clone();
        for (int offset : idOffsets[v]) {
            writeUuid(body, offset, random.nextLong(), random.nextLong());
            if (ids != null) {
                ids.add(new String(body, offset, 36, StandardCharsets.US_ASCII));
            }
        }
        return body;
    }

    /** A version-4 UUID in its 36-character form, written at {@code offset}. */
    static void writeUuid(byte[] buf, int offset, long msb, long lsb) {
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        int p = offset;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                buf[p++] = '-';
            }
            long word = i < 16 ? msb : lsb;
            int shift = 60 - 4 * (i % 16);
            buf[p++] = HEX[(int) ((word >>> shift) & 0xF)];
        }
    }

    private static Map<String, Object> event(int variant, int index) {
        String[][] people = {
            {"ministry-of-defence", "Ministry of Defence"},
            {"anthropic", "Anthropic"},
            {"dario-amodei", "Dario Amodei"},
            {"us-dod", "US Department of Defense"}
        };
        String[] speaker = people[(variant + index) % people.length];
        String[] other = people[(variant + index + 1) % people.length];
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", PLACEHOLDER);
        e.put("type", "statement-issued");
        e.put("occurredAt", String.format("2026-02-%02dT%02d:%02d:00-05:00", 1 + variant, index % 24, index % 60));
        e.put("occurredAtPrecision", "minute");
        e.put("title", speaker[1] + " issues statement " + variant + "." + index + " on the revised contract terms");
        e.put(
                "summary",
                "In a statement released on Thursday the spokesperson said that the revised terms remained "
                        + "under review, that no decision had been taken on the contested clauses, and that both delegations "
                        + "expected to meet again before the end of the month. Observers read the careful wording, which "
                        + "neither accepted nor refused the demands, as an attempt to buy time (variant " + variant
                        + ").");
        e.put(
                "actors",
                List.of(
                        Map.of("id", speaker[0], "name", speaker[1], "role", "speaker"),
                        Map.of("id", other[0], "name", other[1], "role", "recipient")));
        e.put(
                "sources",
                List.of(Map.of(
                        "publisher", "Reuters", "url", "https://www.reuters.com/world/", "reliability", "reported")));
        e.put("tags", List.of("statement", "contract-terms", "bench"));
        e.put(
                "data",
                Map.of(
                        "speaker",
                        speaker[0],
                        "quote",
                        "We will study the proposal carefully and answer "
                                + "in due course; our position on the two red lines has not changed.",
                        "medium",
                        "press-release",
                        "context",
                        "Answer to the revised terms sent on " + (1 + variant) + " February."));
        return e;
    }
}
