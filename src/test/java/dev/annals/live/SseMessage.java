package dev.annals.live;

/** One message of an SSE stream as a client parses it: a comment, or an event with its id, name and data. */
record SseMessage(String id, String event, String data, String comment) {
    boolean isEvent() {
        return data != null;
    }
}
