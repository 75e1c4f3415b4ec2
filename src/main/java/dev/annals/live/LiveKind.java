package dev.annals.live;

/** What an item of the live feed tells; its SSE event name. */
public enum LiveKind {
    EVENT("event"),
    CORRECTED("corrected"),
    RETRACTED("retracted");

    private final String eventName;

    LiveKind(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }

    static LiveKind ofChange(String kind) {
        return "retracted".equals(kind) ? RETRACTED : CORRECTED;
    }
}
