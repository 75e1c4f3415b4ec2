package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.TimelineEvent;

/**
 * An event's published JSON split around its sequence, which only the database knows when it appends:
 * {@code head + sequence + tail} is the JSON, byte for byte, as the event is stored and published.
 */
record PayloadParts(String head, String tail) {
    private static final String SEQUENCE_FIELD = "\"sequence\":";

    /** Serialises the event once; its own sequence is ignored. */
    static PayloadParts of(ObjectMapper mapper, TimelineEvent event) {
        String json;
        try {
            json = mapper.writeValueAsString(event.sequence() == 0 ? event : event.atSequence(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
        // id (a UUID) and timelineId (a slug) come first and cannot contain the field name
        int at = json.indexOf(SEQUENCE_FIELD + "0,");
        if (at < 0) {
            throw new IllegalStateException("unexpected event JSON layout for event " + event.id());
        }
        int split = at + SEQUENCE_FIELD.length();
        return new PayloadParts(json.substring(0, split), json.substring(split + 1));
    }

    /** The JSON with the sequence in place. */
    String withSequence(long sequence) {
        return head + sequence + tail;
    }
}
