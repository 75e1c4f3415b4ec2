package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 over a canonical form of what a client sent for one event, so that an idempotent retry can be told
 * apart from a different event reusing an id. Keys are sorted and occurredAt is compared as an instant.
 */
final class ContentHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ContentHash() {}

    static String of(String timelineId, NewEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("timelineId", timelineId);
        content.put("type", event.type());
        content.put("occurredAt", event.occurredAt().toInstant().toString());
        content.put("occurredAtPrecision", event.occurredAtPrecision());
        content.put("title", event.title());
        content.put("summary", event.summary());
        content.put("actors", event.actors());
        content.put("sources", event.sources());
        content.put("tags", event.tags());
        content.put("data", CANONICAL.convertValue(event.data(), Object.class));
        try {
            byte[] json = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash event content", e);
        }
    }
}
