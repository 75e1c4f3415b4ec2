package dev.annals.live;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A place in the live feed: the next topic offset to deliver, per partition of {@code annals.events} (a partition
 * not named starts at 0). Rendered as an opaque token such as {@code 0-124.1-57.2-0}, the SSE id of each item.
 * Topic offsets are the same in every projection generation, so a position survives a rebuild.
 */
public record Position(Map<Integer, Long> next) {
    private static final Pattern TOKEN = Pattern.compile("\\d{1,6}-\\d{1,19}(\\.\\d{1,6}-\\d{1,19})*");
    private static final int MAX_PARTITIONS = 10_000;

    public Position {
        next = Collections.unmodifiableMap(new TreeMap<>(next));
    }

    public static Position empty() {
        return new Position(Map.of());
    }

    /** The next offset of {@code partition}. */
    public long of(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** This position moved past the record at {@code offset} of {@code partition} (never backwards). */
    public Position after(int partition, long offset) {
        if (offset < of(partition)) {
            return this;
        }
        TreeMap<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, offset + 1);
        return new Position(moved);
    }

    /** The later of the two on every partition. */
    public Position max(Position other) {
        TreeMap<Integer, Long> merged = new TreeMap<>(next);
        other.next.forEach((p, o) -> merged.merge(p, o, Math::max));
        return new Position(merged);
    }

    /** The earlier of the two on every partition. */
    public Position min(Position other) {
        TreeMap<Integer, Long> merged = new TreeMap<>();
        next.keySet().forEach(p -> merged.put(p, Math.min(of(p), other.of(p))));
        other.next.keySet().forEach(p -> merged.put(p, Math.min(of(p), other.of(p))));
        return new Position(merged);
    }

    /** Whether this position is at most {@code offsets} behind {@code other} on every partition. */
    public boolean within(long offsets, Position other) {
        return other.next.entrySet().stream().allMatch(e -> e.getValue() - of(e.getKey()) <= offsets);
    }

    /** Whether this position is at or past {@code other} on every partition. */
    public boolean covers(Position other) {
        return other.next.entrySet().stream().allMatch(e -> of(e.getKey()) >= e.getValue());
    }

    /** The token: {@code partition-offset} pairs by partition, joined by dots ({@code 0-0} when empty). */
    public String token() {
        if (next.isEmpty()) {
            return "0-0";
        }
        StringBuilder token = new StringBuilder();
        next.forEach((p, o) -> token.append(token.length() == 0 ? "" : ".")
                .append(p)
                .append('-')
                .append(o));
        return token.toString();
    }

    /** The position a token names; empty when it is not one (malformed, repeated partitions, out of range). */
    public static Optional<Position> parse(String token) {
        if (token == null || token.length() > 64 * 1024 || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        TreeMap<Integer, Long> next = new TreeMap<>();
        try {
            for (String pair : token.split("\\.")) {
                int dash = pair.indexOf('-');
                int partition = Integer.parseInt(pair.substring(0, dash));
                long offset = Long.parseLong(pair.substring(dash + 1));
                if (partition >= MAX_PARTITIONS || next.put(partition, offset) != null) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Position(next));
    }

    @Override
    public String toString() {
        return token();
    }
}
