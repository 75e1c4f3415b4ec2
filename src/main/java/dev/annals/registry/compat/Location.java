package dev.annals.registry.compat;

/**
 * Where a subschema sits: its RFC 6901 pointer in the schema document and a readable path of the data it describes
 * ({@code redLines[].party}), used in the details.
 */
record Location(String pointer, String field) {
    static final Location ROOT = new Location("", "");

    /** The pointer of one of this schema's keywords. */
    String keyword(String keyword) {
        return pointer + "/" + escape(keyword);
    }

    Location property(String name) {
        return new Location(keyword("properties") + "/" + escape(name), join(name));
    }

    Location patternProperty(String pattern) {
        return new Location(keyword("patternProperties") + "/" + escape(pattern), join("<" + pattern + ">"));
    }

    Location additionalProperties() {
        return new Location(keyword("additionalProperties"), join("*"));
    }

    Location items() {
        return new Location(keyword("items"), field + "[]");
    }

    Location prefixItem(int index) {
        return new Location(keyword("prefixItems") + "/" + index, field + "[" + index + "]");
    }

    Location definition(String container, String name) {
        return new Location(keyword(container) + "/" + escape(name), container + "/" + name);
    }

    /** How a detail names this place: {@code 'redLines[].party'}, or the root schema. */
    String describe() {
        return field.isEmpty() ? "the root schema" : "'" + field + "'";
    }

    private String join(String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
