package dev.annals.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How well a source backs an event. */
public enum Reliability {
    CONFIRMED,
    REPORTED,
    ALLEGED,
    DENIED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Reliability fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
