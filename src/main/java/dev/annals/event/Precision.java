package dev.annals.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How precisely {@code occurredAt} is known; news is often only known to the day. */
public enum Precision {
    SECOND,
    MINUTE,
    HOUR,
    DAY,
    MONTH,
    YEAR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Precision fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
