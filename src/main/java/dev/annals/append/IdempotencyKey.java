package dev.annals.append;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header: 1..255 visible ASCII characters (no space, quote or backslash),
 * optionally sent as a quoted string ({@code "8e03978e-..."}, as in the IETF draft); the quotes are not part of it.
 */
public final class IdempotencyKey {
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {}

    /** The key of the header, or null when there is none; a malformed key is a 400 naming the header. */
    public static String parse(String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty()) {
            throw invalid("minLength", "must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw invalid("maxLength", "at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                throw invalid("pattern", "only visible ASCII characters (no space, quote or backslash), e.g. a UUID");
            }
        }
        return key;
    }

    private static RuntimeException invalid(String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Malformed " + HEADER + " header", List.of(new FieldError(HEADER, rule, message)));
    }
}
