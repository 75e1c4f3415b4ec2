package dev.annals.registry;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;
import java.util.regex.Pattern;

/** Event-type names are slugs of at most 100 characters; versions are whole numbers from 1. */
public final class TypeNames {
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,99}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private TypeNames() {}

    public static boolean isValid(String type) {
        return type != null && COMPILED.matcher(type).matches();
    }

    /** The name, or 400 naming the path parameter. */
    static String checked(String type) {
        if (!isValid(type)) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Not an event-type name",
                    List.of(FieldError.parameter(
                            "type", "pattern", "a slug: lower-case letters, digits and '-', at most 100 characters")));
        }
        return type;
    }

    /** A version number from the path, or 400 naming it. */
    static int version(String raw) {
        if (raw != null && raw.matches("[1-9][0-9]{0,8}")) {
            return Integer.parseInt(raw);
        }
        throw ProblemType.INVALID_REQUEST.exception(
                "Not a version number", List.of(FieldError.parameter("version", "minimum", "a whole number from 1")));
    }
}
