package dev.annals.relay;

import dev.annals.registry.VersionPaths;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Maps a journal event to a Kafka record in CloudEvents binary mode (Kafka protocol binding 1.0): attributes in
 * {@code ce_} headers, the event JSON as the value, the timeline id as the key.
 */
public final class CloudEventRecords {
    /** Prefix of {@code ce_type}: the catalogue type follows it, e.g. {@code dev.annals.terms-refused}. */
    public static final String TYPE_PREFIX = "dev.annals.";

    private CloudEventRecords() {}

    /** One journal row as read by the relay, with the trace context of the append that wrote it. */
    public record JournalEvent(
            String eventId,
            String timelineId,
            long sequence,
            String type,
            int typeVersion,
            OffsetDateTime occurredAt,
            String payload,
            String requestId,
            String traceparent) {}

    /** The record of an event; {@code dataschemaBase} is the public URL the schema paths hang from. */
    public static ProducerRecord<String, byte[]> toRecord(
            String topic, String source, String dataschemaBase, JournalEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.eventId());
        header(headers, "ce_source", source);
        header(headers, "ce_type", TYPE_PREFIX + event.type());
        header(headers, "ce_time", CeTime.format(event.occurredAt()));
        header(headers, "ce_subject", event.timelineId());
        header(headers, "ce_dataschema", dataschemaBase + VersionPaths.of(event.type(), event.typeVersion()));
        header(headers, "ce_sequence", Long.toString(event.sequence()));
        header(headers, "ce_sequencetype", "Integer");
        header(headers, "content-type", "application/json");
        if (event.traceparent() != null) {
            header(headers, "traceparent", event.traceparent());
            header(headers, "ce_traceparent", event.traceparent());
        }
        if (event.requestId() != null) {
            header(headers, "annals_request_id", event.requestId());
        }
        return new ProducerRecord<>(
                topic, null, event.timelineId(), event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
