package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A parsed RFC 6901 JSON Pointer: its unescaped reference tokens, root being none. */
record Pointer(List<String> tokens) {
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]*");

    Pointer {
        tokens = List.copyOf(tokens);
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming what is wrong. */
    static Pointer parse(String text) {
        if (text.isEmpty()) {
            return new Pointer(List.of());
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer is empty or starts with '/'");
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                tokens.add(token.toString());
                token.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("'~' at index " + i + " is not followed by 0 or 1");
                }
                token.append(next == '0' ? '~' : '/');
                i++;
            } else {
                token.append(c);
            }
        }
        tokens.add(token.toString());
        return new Pointer(tokens);
    }

    /** Escapes one reference token ({@code ~} to {@code ~0}, {@code /} to {@code ~1}). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    /** The pointer to the container of this location; only for a non-root pointer. */
    Pointer parent() {
        return new Pointer(tokens.subList(0, tokens.size() - 1));
    }

    /** True if {@code other} points strictly inside the location this pointer names. */
    boolean isProperPrefixOf(Pointer other) {
        return tokens.size() < other.tokens.size()
                && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    /**
     * Looks this location up in {@code root}. A missing object member, an array index past the end, {@code -} on an
     * array, or a JSON null on the way is {@link Resolution.Absent}; a scalar on the way, or a token that is no array
     * index on an array, is {@link Resolution.Blocked}.
     */
    Resolution resolve(JsonNode root) {
        JsonNode current = root;
        for (String token : tokens) {
            if (current.isObject()) {
                current = current.get(token);
            } else if (current.isArray()) {
                if (token.equals("-")) {
                    return new Resolution.Absent();
                }
                if (!ARRAY_INDEX.matcher(token).matches()) {
                    return new Resolution.Blocked("'" + token + "' is not an array index");
                }
                // an index too long for an int is past the end of any array
                current = token.length() > 9 ? null : current.get(Integer.parseInt(token));
            } else if (current.isNull()) {
                return new Resolution.Absent();
            } else {
                return new Resolution.Blocked("cannot reference '" + token + "' inside a " + current.getNodeType());
            }
            if (current == null) {
                return new Resolution.Absent();
            }
        }
        return new Resolution.Found(current);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        tokens.forEach(token -> text.append('/').append(escape(token)));
        return text.toString();
    }

    /** What a pointer names in a document. */
    sealed interface Resolution {
        /** The location exists and holds {@code node}. */
        record Found(JsonNode node) implements Resolution {}

        /** The location does not exist, as an optional field that was never written. */
        record Absent() implements Resolution {}

        /** The location cannot exist in this document: the pointer walks through a scalar. */
        record Blocked(String reason) implements Resolution {}
    }
}
