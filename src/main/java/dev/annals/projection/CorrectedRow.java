package dev.annals.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.correction.Correctable;
import dev.annals.event.TimelineEvent;
import dev.annals.registry.EventTypeRegistry;
import dev.annals.registry.RegisteredVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read-model row of a corrected event: built from the current one and the merge patch, then written. */
@ApplicationScoped
class CorrectedRow {
    private final ObjectMapper mapper;
    private final EventTypeRegistry registry;

    CorrectedRow(ObjectMapper mapper, EventTypeRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
    }

    /** The corrected event as a read-model row, or null when the correction would leave it invalid. */
    EventDecoder.Valid corrected(ObjectNode current, Integer partition, Long offset, JsonNode changes) {
        ObjectNode json = Correctable.apply(current, changes);
        try {
            TimelineEvent event = mapper.treeToValue(json, TimelineEvent.class);
            if (event.title() == null
                    || event.title().isBlank()
                    || event.title().length() > 200
                    || event.occurredAt() == null
                    || event.occurredAtPrecision() == null) {
                return null;
            }
            Optional<RegisteredVersion> version = registry.version(event.type(), event.writtenVersion());
            if (version.isEmpty()
                    || !version.get().validator().validate(event.data()).isEmpty()) {
                return null;
            }
            return new EventDecoder.Valid(
                    event,
                    mapper.writeValueAsString(event),
                    OffsetDateTime.parse(json.get("occurredAt").asText()),
                    partition == null ? -1 : partition,
                    offset == null ? -1 : offset);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    static void update(
            Connection connection, int generation, UUID target, EventDecoder.Valid corrected, TimelineEvent change)
            throws SQLException {
        ReadEventColumns row = ReadEventColumns.of(List.of(corrected));
        ChangeProjection.update(
                connection,
                ChangeProjection.PreparedArgs.of(
                        ChangeSql.CORRECT,
                        row.occurredAt()[0],
                        row.precisions()[0],
                        row.occurredFrom()[0],
                        row.occurredUntil()[0],
                        row.titles()[0],
                        row.actorIds()[0],
                        row.actorNames()[0],
                        row.publishers()[0],
                        row.reliabilities()[0],
                        row.tags()[0],
                        row.searchTexts()[0],
                        row.payloads()[0],
                        change.recordedAt(),
                        change.sequence(),
                        generation,
                        target));
    }
}
