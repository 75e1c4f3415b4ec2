package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.error.ProblemException;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header: its length and characters. */
class IdempotencyKeyParseTest {

    private static String rule(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> IdempotencyKey.parse(header));
        assertEquals(400, e.problem().status());
        assertEquals("Idempotency-Key", e.problem().errors().get(0).header());
        return e.problem().errors().get(0).rule();
    }

    @Test
    void validKeys() {
        assertNull(IdempotencyKey.parse(null));
        assertEquals(
                "8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        assertEquals("abc", IdempotencyKey.parse("\"abc\""));
        assertEquals("k".repeat(255), IdempotencyKey.parse("k".repeat(255)));
    }

    @Test
    void invalidKeys() {
        assertEquals("minLength", rule(""));
        assertEquals("minLength", rule("\"\""));
        assertEquals("maxLength", rule("k".repeat(256)));
        assertEquals("pattern", rule("with space"));
        assertEquals("pattern", rule("caf\u00e9"));
        assertEquals("pattern", rule("a\"b"));
    }
}
