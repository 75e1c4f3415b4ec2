package dev.annals.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.Actor;
import dev.annals.event.Precision;
import dev.annals.event.Reliability;
import dev.annals.event.Source;
import dev.annals.event.TimelineEvent;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set-based batch write, straight against PostgreSQL: duplicates, odd values and a row the database refuses.
 * Rows go into a generation reserved for the test (as a rebuild would), never into the active one: events that are
 * not on the topic would make every later rebuild refuse to switch, rightly, since it could not rebuild them.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ProjectionStoreTest {
    @Inject
    ProjectionStore store;

    @Inject
    Generations generations;

    @Inject
    GenerationDrop drop;

    @Inject
    RebuildLedger ledger;

    int generation;

    @BeforeEach
    void reserveGeneration() {
        generation = generations.startRebuild("ProjectionStoreTest");
    }

    @AfterEach
    void dropGeneration() {
        generations.abandon(generation, "ProjectionStoreTest is over");
        drop.drop(generation, 10_000);
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void duplicatesByIdOrBySequenceAreSkippedAndNotCounted() throws Exception {
        String timeline = Fixtures.timeline("store-dupes");
        EventDecoder.Valid first = valid(timeline, 1, "first", "2026-02-26T18:00:00-05:00", List.of());
        EventDecoder.Valid second = valid(timeline, 2, "second", "2026-02-27T18:00:00-05:00", List.of());
        EventDecoder.Valid sameSequence =
                valid(timeline, 2, "other id, same sequence", "2026-02-28T00:00:00Z", List.of());

        ProjectionStore.Applied applied =
                store.apply(generation, false, List.of(first, first, second, sameSequence), Map.of());
        assertEquals(new ProjectionStore.Applied(true, 2, 2), applied);
        applied = store.apply(
                generation,
                false,
                List.of(second, valid(timeline, 3, "third", "2026-03-01T00:00:00Z", List.of())),
                Map.of());
        assertEquals(new ProjectionStore.Applied(true, 1, 1), applied);

        assertEquals(List.of("first", "second", "third"), column(generation, timeline, "title"));
        assertEquals(List.of("3|3|2026-02-26 23:00 AD|2026-03-01 00:00 AD"), timelineRow(generation, timeline));
    }

    @Test
    void arraysKeepQuotesBackslashesAndBracesAndEarlyYearsTheirEra() throws Exception {
        String timeline = Fixtures.timeline("store-values");
        String odd = "Quote \" back\\slash, {braces} and NULL";
        EventDecoder.Valid early = valid(
                timeline,
                1,
                "odd",
                "0000-06-01T00:00:00Z",
                List.of(new Actor("odd-actor", odd, null), new Actor("plain-actor", "Plain", null)),
                Precision.YEAR);
        store.apply(generation, false, List.of(early), Map.of());

        assertEquals(
                List.of("{\"" + odd.replace("\\", "\\\\").replace("\"", "\\\"") + "\",Plain}"),
                column(generation, timeline, "actor_names"));
        assertEquals(List.of("0001-06-01 00:00 BC"), column(generation, timeline, utc("occurred_at")));
        assertEquals(List.of("0001-01-01 00:00 BC"), column(generation, timeline, utc("occurred_from")));
        assertEquals(List.of("0001-01-01 00:00 AD"), column(generation, timeline, utc("occurred_until")));
    }

    @Test
    void aRowTheDatabaseRefusesFailsTheWholeBatchWithADataException() throws Exception {
        String timeline = Fixtures.timeline("store-refused");
        List<EventDecoder.Valid> batch = List.of(
                valid(timeline, 1, "fine", "2026-02-26T18:00:00Z", List.of()),
                valid(timeline, 2, "x".repeat(201), "2026-02-26T18:00:00Z", List.of()));

        RuntimeException e =
                assertThrows(RuntimeException.class, () -> store.apply(generation, false, batch, Map.of()));
        assertTrue(RejectedByDatabase.is(e), "SQLSTATE class 22 or 23: " + e);
        assertEquals(List.of(), column(generation, timeline, "title"), "nothing of the batch was written");
    }

    @Test
    void aGenerationThatIsNotCurrentIsNotWritten() throws Exception {
        String timeline = Fixtures.timeline("store-stale");
        ProjectionStore.Applied applied = store.apply(
                generation + 1000,
                false,
                List.of(valid(timeline, 1, "stale", "2026-02-26T18:00:00Z", List.of())),
                Map.of());
        assertEquals(new ProjectionStore.Applied(false, 0, 0), applied);
        assertEquals(List.of(), column(generation + 1000, timeline, "title"));
    }

    @Test
    void deadLettersAndWatermarksAreWrittenWithTheBatchAndCounted() throws Exception {
        String timeline = Fixtures.timeline("store-dead");
        UUID deadId = UUID.randomUUID();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("annals.events", 2, 4711L, timeline, new byte[0]);
        record.headers().add("ce_id", deadId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_sequence", "2".getBytes(StandardCharsets.UTF_8));
        DeadLetters.DeadLetter letter =
                new DeadLetters.DeadLetter(record, new EventDecoder.Rejected(DeadLetterReason.NOT_JSON, "test"));

        store.apply(
                generation,
                false,
                List.of(valid(timeline, 1, "applied", "2026-02-26T18:00:00Z", List.of())),
                List.of(letter),
                Map.of());
        store.apply(generation, false, List.of(), List.of(letter), Map.of()); // a retried batch: recorded once

        assertEquals(
                List.of("2"),
                strings(
                        "select processed::text from read_watermark where generation = ? and timeline_id = ?",
                        generation,
                        timeline));
        assertEquals(
                List.of("annals.events|2|4711|" + deadId + "|2|not-json"),
                strings(
                        "select topic || '|' || partition || '|' || record_offset || '|' || event_id || '|' || sequence"
                                + " || '|' || reason from read_dead_letter where generation = ? and timeline_id = ?",
                        generation,
                        timeline));
        RebuildLedger.Rebuild recorded = ledger.find(generation).orElseThrow();
        assertEquals(1, recorded.applied());
        assertEquals(1, recorded.deadLettered());
    }

    @Test
    void aGenerationIsDroppedInBoundedTransactions() throws Exception {
        String timeline = Fixtures.timeline("store-drop");
        List<EventDecoder.Valid> events = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            events.add(valid(timeline, i, "row " + i, "2026-02-26T18:00:00Z", List.of()));
        }
        store.apply(
                generation, false, events, Map.of(new org.apache.kafka.common.TopicPartition("annals.events", 0), 25L));
        generations.abandon(generation, "to be dropped");

        List<Integer> batches = drop.drop(generation, 10);

        assertEquals(
                List.of(10, 10, 5, 1, 1, 4, 1, 1),
                batches,
                "read_event in three, then timeline, watermark, the facet counts, the histogram, offset");
        assertEquals(List.of(), column(generation, timeline, "title"));
        assertEquals(List.of(), timelineRow(generation, timeline));
        assertEquals(
                List.of("0"),
                strings(
                        "select count(*)::text from projection_offset where generation = ? and topic <> ?",
                        generation,
                        timeline));
    }

    private EventDecoder.Valid valid(
            String timeline, long sequence, String title, String occurredAt, List<Actor> actors) throws Exception {
        return valid(timeline, sequence, title, occurredAt, actors, Precision.HOUR);
    }

    private EventDecoder.Valid valid(
            String timeline, long sequence, String title, String occurredAt, List<Actor> actors, Precision precision)
            throws Exception {
        OffsetDateTime local = OffsetDateTime.parse(occurredAt);
        TimelineEvent event = new TimelineEvent(
                UUID.randomUUID(),
                timeline,
                sequence,
                "statement-issued",
                1,
                null,
                local,
                precision,
                OffsetDateTime.parse("2026-03-01T00:00:00Z"),
                title,
                null,
                actors,
                List.of(new Source("Reuters", null, Reliability.REPORTED)),
                List.of("test"),
                mapper.readTree("{\"speaker\":\"someone\",\"quote\":\"q\"}"),
                null);
        return new EventDecoder.Valid(event, mapper.writeValueAsString(event), local, 0, sequence);
    }

    private static String utc(String column) {
        return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD HH24:MI BC')";
    }

    private List<String> column(int generation, String timeline, String column) throws Exception {
        return strings(
                "select " + column + "::text from read_event where generation = ? and timeline_id = ? "
                        + "order by sequence",
                generation,
                timeline);
    }

    private List<String> timelineRow(int generation, String timeline) throws Exception {
        return strings(
                "select event_count || '|' || version || '|' || " + utc("first_occurred_at") + " || '|' || "
                        + utc("last_occurred_at") + " from read_timeline where generation = ? and timeline_id = ?",
                generation,
                timeline);
    }

    private List<String> strings(String sql, int generation, String timeline) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, generation);
            statement.setString(2, timeline);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
