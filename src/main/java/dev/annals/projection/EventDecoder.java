package dev.annals.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import dev.annals.error.DatabaseException;
import dev.annals.event.JsonSchemas;
import dev.annals.event.JsonText;
import dev.annals.event.Slugs;
import dev.annals.event.TimelineEvent;
import dev.annals.registry.EventTypeRegistry;
import dev.annals.registry.RegisteredVersion;
import dev.annals.registry.VersionPaths;
import dev.annals.relay.CloudEventRecords;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decides whether a topic record is an Annals event the projection can apply. Anyone can write to a topic, so
 * every record is checked: CloudEvents headers, a registered type, a well-formed event agreeing with its headers
 * and key, and data valid against the version of its type it names (deprecated types included: what was accepted
 * once stays projectable).
 */
@ApplicationScoped
public class EventDecoder {
    static final List<String> REQUIRED_HEADERS =
            List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject");

    private final ObjectMapper mapper;
    private final EventTypeRegistry registry;
    private final Schema published;
    private volatile Function<ConsumerRecord<String, byte[]>, Rejected> fault;

    public EventDecoder(ObjectMapper mapper, EventTypeRegistry registry) {
        this.mapper = mapper;
        this.registry = registry;
        this.published = JsonSchemas.compile(JsonSchemas.read(mapper, "schemas/published-event.schema.json"));
    }

    /** The outcome for one record: a valid event, or the reason it goes to the dead-letter topic. */
    public sealed interface Decoded permits Valid, Rejected {}

    /**
     * An event to project, with its JSON as received and occurredAt in the offset it was given with (the mapper
     * normalises to UTC, but a day in New York is not a day in UTC).
     */
    public record Valid(TimelineEvent event, String payload, OffsetDateTime localOccurredAt, int partition, long offset)
            implements Decoded {}

    /** A record the projection cannot apply. */
    public record Rejected(DeadLetterReason reason, String detail) implements Decoded {}

    /**
     * Whatever in a record cannot be applied is a rejection, so one record can never stall a partition; only an
     * unreachable database (the registry is looked up there on a miss) throws, so the batch is retried rather
     * than valid events dead-lettered.
     */
    public Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            Function<ConsumerRecord<String, byte[]>, Rejected> injected = fault;
            Rejected rejected = injected == null ? null : injected.apply(record);
            return rejected != null ? rejected : check(record);
        } catch (DatabaseException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Rejected(DeadLetterReason.INVALID_EVENT, "the event cannot be read: " + e.getMessage());
        }
    }

    private Decoded check(ConsumerRecord<String, byte[]> record) {
        for (String name : REQUIRED_HEADERS) {
            if (header(record, name) == null) {
                return new Rejected(DeadLetterReason.MISSING_HEADER, "header " + name + " is missing");
            }
        }
        String ceType = header(record, "ce_type");
        String typeName = ceType.startsWith(CloudEventRecords.TYPE_PREFIX)
                ? ceType.substring(CloudEventRecords.TYPE_PREFIX.length())
                : null;
        if (typeName == null || registry.version(typeName, 1).isEmpty()) {
            return new Rejected(DeadLetterReason.UNKNOWN_TYPE, "ce_type " + ceType + " is not a registered type");
        }
        if (record.value() == null) {
            return new Rejected(DeadLetterReason.NOT_JSON, "the record has no value");
        }
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = mapper.readTree(payload);
        } catch (IOException e) {
            return new Rejected(DeadLetterReason.NOT_JSON, "the value is not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            return new Rejected(DeadLetterReason.NOT_JSON, "the value is not a JSON object");
        }
        var envelopeErrors = published.validate(tree);
        if (!envelopeErrors.isEmpty()) {
            return new Rejected(
                    DeadLetterReason.INVALID_EVENT,
                    "not a published Annals event: " + envelopeErrors.get(0).getInstanceLocation() + " "
                            + envelopeErrors.get(0).getMessage());
        }
        if (!JsonText.nulCharacters("", tree).isEmpty()) {
            return new Rejected(DeadLetterReason.INVALID_EVENT, "the event contains the NUL character (U+0000)");
        }
        TimelineEvent event;
        try {
            event = mapper.treeToValue(tree, TimelineEvent.class);
        } catch (IOException | RuntimeException e) {
            return new Rejected(DeadLetterReason.INVALID_EVENT, "the value is not an Annals event: " + e.getMessage());
        }
        String mismatch = mismatch(record, ceType, event);
        if (mismatch != null) {
            return new Rejected(DeadLetterReason.INVALID_EVENT, mismatch);
        }
        Optional<RegisteredVersion> version = registry.version(event.type(), event.writtenVersion());
        if (version.isEmpty()) {
            return new Rejected(
                    DeadLetterReason.UNKNOWN_TYPE,
                    "version " + event.writtenVersion() + " of " + event.type() + " is not registered");
        }
        String dataschema = header(record, "ce_dataschema");
        if (dataschema != null && !dataschema.endsWith(VersionPaths.of(event.type(), event.writtenVersion()))) {
            return new Rejected(
                    DeadLetterReason.INVALID_EVENT,
                    "ce_dataschema " + dataschema + " does not name version " + event.writtenVersion() + " of "
                            + event.type());
        }
        var errors = version.get().validator().validate(event.data());
        if (!errors.isEmpty()) {
            return new Rejected(
                    DeadLetterReason.INVALID_DATA,
                    "data does not satisfy the schema of " + event.type() + ": "
                            + errors.get(0).getInstanceLocation() + " "
                            + errors.get(0).getMessage());
        }
        return new Valid(
                event,
                payload,
                OffsetDateTime.parse(tree.get("occurredAt").asText()),
                record.partition(),
                record.offset());
    }

    private static String mismatch(ConsumerRecord<String, byte[]> record, String ceType, TimelineEvent event) {
        if (event.id() == null
                || event.timelineId() == null
                || event.type() == null
                || event.occurredAt() == null
                || event.occurredAtPrecision() == null
                || event.recordedAt() == null
                || event.title() == null
                || event.data() == null
                || !event.data().isObject()
                || event.writtenTypeVersion() != null) {
            return "a required field of the event is missing";
        }
        if (!Slugs.isValid(event.timelineId()) || event.sequence() < 1) {
            return "invalid timelineId or sequence";
        }
        if (!event.id().toString().equals(header(record, "ce_id"))
                || !event.timelineId().equals(header(record, "ce_subject"))
                || !ceType.equals(CloudEventRecords.TYPE_PREFIX + event.type())
                || !Objects.equals(record.key(), event.timelineId())) {
            return "the event does not match its ce_id / ce_subject / ce_type headers or its key";
        }
        return null;
    }

    /**
     * Fault injection for tests: records the function answers for are rejected with its answer (e.g. to make a
     * rebuild reject what the live generation accepted, as a changed decoder would); {@code null} removes it.
     */
    void injectFault(Function<ConsumerRecord<String, byte[]>, Rejected> fault) {
        this.fault = fault;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
