package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/**
 * The parsed, validated upcast of one version: JSON Patch operations from version n-1 to n.
 *
 * <p>An upcast is an RFC 6902 JSON Patch document, checked by {@link #parse}. {@link #apply} turns the data of an
 * event written under version n-1 into data of version n; the journal is never rewritten, this runs at read time.
 * Precisely:
 *
 * <ol>
 *   <li>The operations are applied one at a time, in order, to a deep copy of the data; the input is never changed.
 *   <li>Event data has optional fields, so an operation whose source is absent is skipped, not failed: a {@code
 *       remove} or {@code replace} whose {@code path} is absent, a {@code move} or {@code copy} whose {@code from} is
 *       absent, an {@code add} whose parent container is absent. A location is absent when, walking its pointer, an
 *       object lacks the member, an array index is past the end, the token is {@code -} on an array (it names the
 *       element after the last), or a JSON null stands where a container should be (a null optional object); an
 *       {@code add} whose parent is JSON null is skipped too.
 *   <li>A {@code test} whose {@code path} is absent or holds a different value (numbers compare by value, so 1 equals
 *       1.0) stops the remaining operations of this upcast: the data stays as the operations before it made it, and
 *       step 4 still runs. That is the guard idiom "test, then replace".
 *   <li>Every other failure is a bug in the upcast and throws {@link UpcastFailure} with the operation's index: a
 *       pointer that walks through a scalar (a string, number or boolean where a container should be) or uses a
 *       non-index token on an array, an {@code add} at an array index past the end, a {@code move} or {@code copy}
 *       whose destination container is absent, and anything else zjsonpatch refuses.
 *   <li>Then every property the target schema lists in {@code required}, has a {@code default} for in {@code
 *       properties}, and that the data lacks is set to a copy of that default ("a new required field with a default"
 *       is a compatible change). This recurses through {@code properties} into nested objects present in the data.
 *       A present member, even JSON null, is never replaced; {@code $ref}, {@code allOf} and array {@code items}
 *       are not followed. An upcast without operations ({@link #NONE}) still does this.
 * </ol>
 */
public final class Upcast {
    /** An empty upcast (no operations). */
    public static final Upcast NONE = new Upcast(JsonNodeFactory.instance.arrayNode());

    private final JsonNode operations;

    private Upcast(JsonNode operations) {
        this.operations = operations;
    }

    /**
     * Parses and checks an upcast document; problems name the JSON Pointer inside {@code document}. Java null, a
     * missing node and JSON null are {@link #NONE}; so is an empty array.
     *
     * @throws InvalidUpcast if it is not an array of at most 100 valid JSON Patch operations
     */
    public static Upcast parse(JsonNode document) throws InvalidUpcast {
        if (document == null || document.isMissingNode() || document.isNull()) {
            return NONE;
        }
        List<InvalidUpcast.Problem> problems = UpcastParser.problems(document);
        if (!problems.isEmpty()) {
            throw new InvalidUpcast(problems);
        }
        return document.isEmpty() ? NONE : new Upcast(document.deepCopy());
    }

    /** The document as given (an array), for storage and display; a copy. */
    public JsonNode operations() {
        return operations.deepCopy();
    }

    /** True if this upcast has no operations (it still fills defaults). */
    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /**
     * Data of version n-1 to data of version n, as the class comment says; {@code targetSchema} is the data schema
     * of version n, or null for no default filling.
     *
     * @throws UpcastFailure if an operation cannot be applied to this data
     */
    public JsonNode apply(JsonNode data, JsonNode targetSchema) {
        Objects.requireNonNull(data, "data");
        JsonNode result = PatchRunner.run(operations, data);
        RequiredDefaults.fill(result, targetSchema);
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Upcast upcast && operations.equals(upcast.operations);
    }

    @Override
    public int hashCode() {
        return operations.hashCode();
    }

    @Override
    public String toString() {
        return "Upcast" + operations;
    }
}
