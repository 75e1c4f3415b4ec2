package dev.annals.projection;

import java.util.Locale;

/** Why a record went to the dead-letter topic; the value of its {@code annals_dlq_reason} header. */
public enum DeadLetterReason {
    NOT_JSON,
    MISSING_HEADER,
    UNKNOWN_TYPE,
    INVALID_EVENT,
    INVALID_DATA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
