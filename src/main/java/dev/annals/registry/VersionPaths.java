package dev.annals.registry;

/** Where a version's JSON Schema is served: the path {@code ce_dataschema} of its events points to. */
public final class VersionPaths {
    private VersionPaths() {}

    public static String of(String type, int version) {
        return "/v1/event-types/" + type + "/versions/" + version;
    }
}
