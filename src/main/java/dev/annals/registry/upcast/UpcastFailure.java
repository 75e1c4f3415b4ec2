package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/** An upcast operation that could not be applied to the data it met: a bug in that version's upcast. */
public final class UpcastFailure extends RuntimeException {
    private final int version;
    private final int operationIndex;
    private final String reason;
    private final transient JsonNode operation;

    /** Failure of the operation at {@code operationIndex} (0-based) of an upcast, version not known yet. */
    public UpcastFailure(int operationIndex, JsonNode operation, String reason, Throwable cause) {
        this(0, operationIndex, operation, reason, cause);
    }

    private UpcastFailure(int version, int operationIndex, JsonNode operation, String reason, Throwable cause) {
        super(message(version, operationIndex, operation, reason), cause);
        this.version = version;
        this.operationIndex = operationIndex;
        this.reason = reason;
        this.operation = operation.deepCopy();
    }

    /** The same failure, known to be in the upcast that produces {@code version}. */
    UpcastFailure atVersion(int version) {
        return new UpcastFailure(version, operationIndex, operation, reason, getCause());
    }

    /** The version whose upcast failed, when known (always, when thrown by {@link UpcastChain}). */
    public OptionalInt version() {
        return version == 0 ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** The 0-based index of the failed operation in its upcast document. */
    public int operationIndex() {
        return operationIndex;
    }

    /** The failed operation, as written. */
    public JsonNode operation() {
        return operation.deepCopy();
    }

    private static String message(int version, int operationIndex, JsonNode operation, String reason) {
        String where = version == 0 ? "upcast" : "upcast to version " + version;
        return where + ", operation " + operationIndex + " " + operation + ": " + reason;
    }
}
