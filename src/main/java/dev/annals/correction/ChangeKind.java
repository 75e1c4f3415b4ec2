package dev.annals.correction;

import java.util.Locale;
import java.util.Optional;

/** What a change does to the event it names; each kind is a built-in event type. */
public enum ChangeKind {
    CORRECTED("event-corrected"),
    RETRACTED("event-retracted");

    private final String type;

    ChangeKind(String type) {
        this.type = type;
    }

    /** The event type that carries this kind of change. */
    public String type() {
        return type;
    }

    /** The kind as stored and answered: {@code corrected}, {@code retracted}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of change an event of {@code type} is, if it is one. */
    public static Optional<ChangeKind> of(String type) {
        for (ChangeKind kind : values()) {
            if (kind.type.equals(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static ChangeKind fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
