package dev.annals.registry.compat;

/**
 * One change that would make data valid under the previous version invalid under the next.
 *
 * @param pointer RFC 6901 JSON Pointer into the schema document: where the change is in the next schema, or where a
 *     removed thing was in the previous one
 * @param rule stable camelCase name of the rule that was broken, e.g. {@code propertyRemoved}
 * @param detail short human sentence naming the field and the old and new value
 */
public record BreakingChange(String pointer, String rule, String detail) {}
