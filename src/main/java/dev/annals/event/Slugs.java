package dev.annals.event;

import java.util.regex.Pattern;

/** The slug rule shared by timeline ids and actor ids. */
public final class Slugs {
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,127}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Slugs() {}

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }
}
