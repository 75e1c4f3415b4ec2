package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over a canonical form of what a client sent for one event, so that an idempotent retry can be told
 * apart from a different event reusing an id. Keys are sorted; occurredAt is compared as an instant and its offset,
 * since the offset changes the event (its precision interval: "the 26th" in New York is not the 26th in UTC).
 */
public final class ContentHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ContentHash() {}

    /** The content hash of {@code event} (its defaults filled in) as appended to {@code timelineId}. */
    public static String of(String timelineId, NewEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("timelineId", timelineId);
        content.put("type", event.type());
        content.put("occurredAt", event.occurredAt().toInstant().toString());
        content.put("occurredAtOffset", event.occurredAt().getOffset().getId());
        content.put("occurredAtPrecision", event.occurredAtPrecision());
        content.put("title", event.title());
        content.put("summary", event.summary());
        content.put("actors", event.actors());
        content.put("sources", event.sources());
        content.put("tags", event.tags());
        content.put("data", CANONICAL.convertValue(event.data(), Object.class));
        try {
            return sha256(CANONICAL.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash event content", e);
        }
    }

    /**
     * The fingerprint of an append body for its Idempotency-Key: each event's id as sent (none when absent) and
     * content hash, in order.
     */
    static String fingerprint(List<NewEvent> sent, List<String> hashes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sent.size(); i++) {
            text.append(sent.get(i).id() == null ? "-" : sent.get(i).id())
                    .append(':')
                    .append(hashes.get(i))
                    .append('\n');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
