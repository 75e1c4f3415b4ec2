package dev.annals.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A realistic, deterministic data set of Annals events as the relay publishes them (CloudEvents binary mode):
 * thousands of timelines of skewed size, all 11 types, 400 actors and 200 tags with Zipf-like popularity, 60
 * publishers, occurredAt over 2016-2025 with mixed precisions and offsets, common and rare words.
 */
final class DataGenerator {
    private static final ZoneOffset[] OFFSETS = {
        ZoneOffset.UTC,
        ZoneOffset.ofHours(1),
        ZoneOffset.ofHours(-5),
        ZoneOffset.ofHoursMinutes(5, 30),
        ZoneOffset.ofHours(9),
        ZoneOffset.ofHours(-8),
        ZoneOffset.ofHours(3)
    };
    private static final String[] PRECISIONS = {"second", "minute", "hour", "day", "month", "year"};
    private static final int[] PRECISION_WEIGHTS = {40, 20, 15, 15, 7, 3};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String[] RELIABILITY = {"confirmed", "reported", "alleged", "denied"};
    private static final long FROM = Instant.parse("2016-01-01T00:00:00Z").getEpochSecond();
    private static final long SPAN = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() - FROM;

    final int events;
    final int timelines;
    final Map<String, Integer> timelineCounts = new HashMap<>();
    final Map<String, Integer> typeCounts = new HashMap<>();
    final Map<String, Integer> actorCounts = new HashMap<>();
    final Map<String, Integer> tagCounts = new HashMap<>();
    final Map<String, Integer> publisherCounts = new HashMap<>();
    private final List<String[]> actors;
    private final List<String> tags = Vocabulary.tags();
    private final List<String> publishers = Vocabulary.publishers();
    private final ObjectMapper mapper = new ObjectMapper();

    private final String prefix;
    private final long seed;

    DataGenerator(int events) {
        this(events, "story", 42);
    }

    /** Another data set of the same shape: its own timelines ({@code prefix-0001}...) and event ids. */
    DataGenerator(int events, String prefix, long seed) {
        this.prefix = prefix;
        this.seed = seed;
        this.events = events;
        this.timelines = Math.max(10, Math.min(4000, events / 250));
        this.actors = Vocabulary.actors(400, new Random(7));
    }

    /** Generates every event in order (per timeline, sequences 1..n) and hands each record to {@code sink}. */
    void generate(String topic, Consumer<ProducerRecord<String, byte[]>> sink) {
        Random random = new Random(seed);
        Vocabulary.Zipf timelineZipf = new Vocabulary.Zipf(timelines, 0.7);
        Vocabulary.Zipf actorZipf = new Vocabulary.Zipf(actors.size(), 1.0);
        Vocabulary.Zipf tagZipf = new Vocabulary.Zipf(tags.size(), 1.0);
        Vocabulary.Zipf publisherZipf = new Vocabulary.Zipf(publishers.size(), 1.1);
        Vocabulary.Zipf wordZipf = new Vocabulary.Zipf(Vocabulary.FILLER.length, 0.9);
        long[] sequences = new long[timelines];
        Instant recordedBase = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < events; i++) {
            int t = timelineZipf.next(random);
            String timeline = String.format("%s-%04d", prefix, t);
            long sequence = ++sequences[t];
            String type = TypeData.pickType(random);
            LinkedHashSet<Integer> picked = new LinkedHashSet<>();
            int actorCount = 2 + random.nextInt(3);
            while (picked.size() < actorCount) {
                picked.add(actorZipf.next(random));
            }
            List<String> actorIds = new ArrayList<>();
            ObjectNode e = mapper.createObjectNode();
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            e.put("id", new UUID(msb, lsb).toString());
            e.put("timelineId", timeline).put("sequence", sequence).put("type", type);
            String precision = pick(PRECISIONS, PRECISION_WEIGHTS, random);
            OffsetDateTime occurred = occurredAt(random, precision);
            e.put("occurredAt", ISO.format(occurred)).put("occurredAtPrecision", precision);
            e.put("recordedAt", recordedBase.plus(i, ChronoUnit.MICROS).toString());
            String lead = actors.get(picked.iterator().next())[1];
            String word = i == events / 2 || random.nextInt(2000) == 0 ? " " + Vocabulary.RARE_WORD : "";
            e.put("title", lead + " " + type.replace('-', ' ') + " on " + words(random, wordZipf, 5) + word);
            String summary = words(random, wordZipf, 45 + random.nextInt(30));
            if (random.nextInt(10) < 4) {
                summary = "The " + Vocabulary.COMMON_WORD + " said " + summary;
            }
            e.put("summary", cap(summary) + ".");
            ArrayNode actorArray = e.putArray("actors");
            for (int a : picked) {
                String[] actor = actors.get(a);
                actorIds.add(actor[0]);
                actorCounts.merge(actor[0], 1, Integer::sum);
                actorArray
                        .addObject()
                        .put("id", actor[0])
                        .put("name", actor[1])
                        .put("role", a % 3 == 0 ? "speaker" : "party");
            }
            ArrayNode sources = e.putArray("sources");
            int sourceCount = 1 + random.nextInt(2);
            LinkedHashSet<String> pubs = new LinkedHashSet<>();
            for (int s = 0; s < sourceCount; s++) {
                pubs.add(publishers.get(publisherZipf.next(random)));
            }
            for (String p : pubs) {
                publisherCounts.merge(p, 1, Integer::sum);
                sources.addObject()
                        .put("publisher", p)
                        .put(
                                "url",
                                "https://news.example.org/" + p.toLowerCase().replace(' ', '-') + "/" + i)
                        .put("reliability", RELIABILITY[random.nextInt(4)]);
            }
            ArrayNode tagArray = e.putArray("tags");
            LinkedHashSet<String> eventTags = new LinkedHashSet<>();
            int tagCount = 1 + random.nextInt(4);
            for (int g = 0; g < tagCount; g++) {
                eventTags.add(tags.get(tagZipf.next(random)));
            }
            eventTags.forEach(g -> {
                tagArray.add(g);
                tagCounts.merge(g, 1, Integer::sum);
            });
            String when = ISO.format(occurred.plusDays(1 + random.nextInt(30)));
            e.set("data", TypeData.of(type, actorIds, cap(words(random, wordZipf, 10)) + ".", when, random));
            timelineCounts.merge(timeline, 1, Integer::sum);
            typeCounts.merge(type, 1, Integer::sum);
            sink.accept(record(topic, e, occurred));
        }
    }

    private ProducerRecord<String, byte[]> record(String topic, ObjectNode e, OffsetDateTime occurred) {
        RecordHeaders h = new RecordHeaders();
        String type = e.get("type").asText();
        String timeline = e.get("timelineId").asText();
        add(h, "ce_specversion", "1.0");
        add(h, "ce_id", e.get("id").asText());
        add(h, "ce_source", "/annals");
        add(h, "ce_type", "dev.annals." + type);
        add(h, "ce_time", ISO.format(occurred.withOffsetSameInstant(ZoneOffset.UTC)));
        add(h, "ce_subject", timeline);
        add(h, "ce_sequence", e.get("sequence").asText());
        add(h, "ce_sequencetype", "Integer");
        add(h, "content-type", "application/json");
        try {
            return new ProducerRecord<>(topic, null, timeline, mapper.writeValueAsBytes(e), h);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void add(RecordHeaders h, String name, String value) {
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A moment in 2016-2025, in one of the offsets, truncated to what its precision says is known. */
    private static OffsetDateTime occurredAt(Random random, String precision) {
        ZoneOffset offset = OFFSETS[random.nextInt(OFFSETS.length)];
        LocalDateTime local = LocalDateTime.ofEpochSecond(FROM + (long) (random.nextDouble() * SPAN), 0, offset);
        local = switch (precision) {
            case "minute" -> local.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> local.truncatedTo(ChronoUnit.HOURS);
            case "day" -> local.truncatedTo(ChronoUnit.DAYS);
            case "month" -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "year" -> local.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> local;
        };
        return OffsetDateTime.of(local, offset);
    }

    private static String words(Random random, Vocabulary.Zipf zipf, int count) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < count; w++) {
            sb.append(w == 0 ? "" : " ").append(Vocabulary.FILLER[zipf.next(random)]);
        }
        return sb.toString();
    }

    private static String pick(String[] values, int[] weights, Random random) {
        int r = random.nextInt(100);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[0];
    }

    private static String cap(String s) {
        return Vocabulary.cap(s);
    }

    /** The key with the highest count. */
    static String most(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** The key with the lowest count (a selective value). */
    static String least(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }
}
