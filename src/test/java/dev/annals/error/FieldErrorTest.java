package dev.annals.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The three-argument constructor tells a body pointer, a header and a parameter apart by the location's shape. */
class FieldErrorTest {
    @Test
    void pointersStartWithASlashOrAreTheWholeBody() {
        assertEquals(FieldError.pointer("/0/title", "required", "d"), new FieldError("/0/title", "required", "d"));
        assertEquals(FieldError.pointer("", "json", "d"), new FieldError("", "json", "d"));
        assertEquals(FieldError.pointer("", "json", "d"), new FieldError(null, "json", "d"));
    }

    @Test
    void headerNamesAreHeaders() {
        for (String header :
                new String[] {"If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id", "traceparent"}) {
            FieldError error = new FieldError(header, "rule", "d");
            assertEquals(header, error.header(), header);
            assertNull(error.parameter(), header);
            assertNull(error.pointer(), header);
        }
    }

    @Test
    void everythingElseIsAParameter() {
        for (String parameter : new String[] {"limit", "cursor", "waitFor", "timelineId", "fromSequence", "q"}) {
            assertEquals(FieldError.parameter(parameter, "rule", "d"), new FieldError(parameter, "rule", "d"));
        }
    }

    @Test
    void serialisesOnlyItsLocationRuleAndDetail() throws Exception {
        assertEquals(
                "{\"pointer\":\"/1/occurredAt\",\"rule\":\"format\",\"detail\":\"must be a date-time\"}",
                new ObjectMapper()
                        .writeValueAsString(FieldError.pointer("/1/occurredAt", "format", "must be a date-time")));
        assertEquals(
                "{\"header\":\"If-Match\",\"rule\":\"etag\",\"detail\":\"d\"}",
                new ObjectMapper().writeValueAsString(new FieldError("If-Match", "etag", "d")));
        assertEquals("limit", FieldError.parameter("limit", "range", "d").location());
    }
}
