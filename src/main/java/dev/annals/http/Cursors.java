package dev.annals.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: the sort key of the last row plus the query's fingerprint, signed with HMAC-SHA256 so
 * that a tampered cursor, or one taken from another query, is a clear 400 rather than a wrong page.
 */
@ApplicationScoped
public class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ObjectMapper mapper;
    private final SecretKeySpec key;

    public Cursors(ObjectMapper mapper, AnnalsConfig config) {
        this.mapper = mapper;
        this.key = new SecretKeySpec(config.query().cursorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String fingerprint, List<String> sortKey) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode keys = body.putArray("k");
        sortKey.forEach(keys::add);
        body.put("f", digest(fingerprint));
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The sort key inside a cursor issued for this very query; 400 for anything else. */
    public List<String> decode(String cursor, String fingerprint, int keys) {
        try {
            int dot = cursor.indexOf('.');
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                throw invalid("the cursor was not issued by Annals or was altered");
            }
            JsonNode body = mapper.readTree(payload);
            if (!digest(fingerprint).equals(body.path("f").asText())) {
                throw invalid("the cursor belongs to a query with other filters or order");
            }
            List<String> result = new ArrayList<>();
            body.path("k").forEach(k -> result.add(k.asText()));
            if (result.size() != keys) {
                throw invalid("the cursor belongs to another endpoint");
            }
            return result;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.io.IOException e) {
            throw invalid("the cursor is malformed");
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String digest(String fingerprint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(hash).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static RuntimeException invalid(String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Invalid cursor: " + message + "; start again without cursor",
                List.of(FieldError.parameter("cursor", "cursor", message)));
    }
}
