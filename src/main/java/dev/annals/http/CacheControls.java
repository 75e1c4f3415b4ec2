package dev.annals.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code Cache-Control} of an answer to a possibly authenticated request: never storable by shared caches.
 * Absent becomes {@code private}; {@code no-store} and {@code private} stay as they are; anything else (say
 * {@code max-age=3600}, or {@code public}) becomes private with its other directives kept.
 */
public final class CacheControls {
    private CacheControls() {}

    public static String privateOf(String existing) {
        if (existing == null || existing.isBlank()) {
            return "private";
        }
        String lower = existing.toLowerCase(Locale.ROOT);
        if (directives(lower).anyMatch(d -> d.equals("no-store") || d.equals("private"))) {
            return existing;
        }
        String kept = Arrays.stream(existing.split(","))
                .map(String::trim)
                .filter(d -> !d.isEmpty() && !d.equalsIgnoreCase("public"))
                .collect(Collectors.joining(", "));
        return kept.isEmpty() ? "private" : "private, " + kept;
    }

    private static java.util.stream.Stream<String> directives(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).map(d -> d.split("=", 2)[0]);
    }
}
