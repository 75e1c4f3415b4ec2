package dev.annals.devrun;

/** One type of an event-type pack: its name and the JSON body that registers it with {@code PUT /v1/event-types/{type}}. */
public record PackType(String type, String definition) {}
