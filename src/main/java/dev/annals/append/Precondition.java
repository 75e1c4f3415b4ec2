package dev.annals.append;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;
import java.util.OptionalLong;

/** The optimistic-concurrency condition of an append, read from {@code If-Match} / {@code If-None-Match}. */
public record Precondition(OptionalLong expectedVersion, boolean mustExist, boolean mustNotExist) {

    public static final Precondition NONE = new Precondition(OptionalLong.empty(), false, false);

    /**
     * {@code If-Match: "7"} expects version 7, {@code If-Match: *} expects an existing timeline,
     * {@code If-None-Match: *} expects a timeline that does not exist yet. {@code W/"7"} (the timeline's weak ETag,
     * echoed) names version 7 as well: the tag stands for the version, not for the bytes of a representation.
     */
    public static Precondition parse(String ifMatch, String ifNoneMatch) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!"*".equals(ifNoneMatch.trim())) {
                throw invalid("If-None-Match", "only '*' (the timeline must not exist yet) is supported");
            }
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw invalid("If-Match", "cannot be combined with If-None-Match");
            }
            return new Precondition(OptionalLong.empty(), false, true);
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            return NONE;
        }
        String value = ifMatch.trim();
        if ("*".equals(value)) {
            return new Precondition(OptionalLong.empty(), true, false);
        }
        if (value.startsWith("W/")) {
            // the version the tag names, whether echoed from a (weak) ETag or written as "7"
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return new Precondition(OptionalLong.of(version), false, false);
        } catch (NumberFormatException e) {
            throw invalid("If-Match", "must be a timeline version as an entity tag, e.g. \"7\", or *");
        }
    }

    /** Exactly {@code version}. */
    public static Precondition exactly(long version) {
        return new Precondition(OptionalLong.of(version), false, false);
    }

    /** The lowest timeline version (0 = no timeline yet) this condition accepts. */
    public long minVersion() {
        return mustExist ? 1 : expectedVersion.orElse(0);
    }

    /** The highest timeline version this condition accepts. */
    public long maxVersion() {
        return mustNotExist ? 0 : expectedVersion.orElse(Long.MAX_VALUE);
    }

    /** The reason the timeline at {@code version} (0 = absent) fails this condition, or null when it holds. */
    public String violation(long version) {
        if (mustNotExist && version > 0) {
            return "the timeline already exists (version " + version + ")";
        }
        if (mustExist && version == 0) {
            return "the timeline does not exist yet";
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != version) {
            return "expected version " + expectedVersion.getAsLong() + " but the timeline is at version " + version;
        }
        return null;
    }

    private static RuntimeException invalid(String header, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Malformed " + header + " header", List.of(FieldError.header(header, "etag", message)));
    }
}
