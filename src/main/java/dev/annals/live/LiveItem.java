package dev.annals.live;

/** One item of the live feed: what it is, where its record sits on the topic, and its data (JSON text). */
public record LiveItem(LiveKind kind, int partition, long offset, String data) {}
