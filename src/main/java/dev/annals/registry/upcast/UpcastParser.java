package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatch;
import dev.annals.registry.upcast.InvalidUpcast.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks that an upcast document is a list of at most 100 well-formed RFC 6902 operations. */
final class UpcastParser {
    static final int MAX_OPERATIONS = 100;

    /** The members each operation may have, by its {@code op}. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "add", Set.of("op", "path", "value"),
            "remove", Set.of("op", "path"),
            "replace", Set.of("op", "path", "value"),
            "move", Set.of("op", "path", "from"),
            "copy", Set.of("op", "path", "from"),
            "test", Set.of("op", "path", "value"));

    private static final Set<String> ANY_MEMBER = Set.of("op", "path", "from", "value");

    private final List<Problem> problems = new ArrayList<>();

    private UpcastParser() {}

    /** The problems of {@code document}, which is not null; none if it is a valid upcast. */
    static List<Problem> problems(JsonNode document) {
        UpcastParser parser = new UpcastParser();
        parser.check(document);
        return List.copyOf(parser.problems);
    }

    private void check(JsonNode document) {
        if (!document.isArray()) {
            problem("", "type", "an upcast is an array of JSON Patch operations, not " + kind(document));
            return;
        }
        if (document.size() > MAX_OPERATIONS) {
            problem("", "maxItems", "an upcast has at most " + MAX_OPERATIONS + " operations, not " + document.size());
            return;
        }
        for (int i = 0; i < document.size(); i++) {
            checkOperation("/" + i, document.get(i));
        }
        if (problems.isEmpty()) {
            try {
                JsonPatch.validate(document);
            } catch (InvalidJsonPatchException | IllegalArgumentException e) {
                problem("", "jsonPatch", "not a JSON Patch zjsonpatch accepts: " + e.getMessage());
            }
        }
    }

    private void checkOperation(String at, JsonNode operation) {
        if (!operation.isObject()) {
            problem(at, "type", "an operation is an object, not " + kind(operation));
            return;
        }
        String op = op(at, operation.get("op"));
        Set<String> allowed = op == null ? ANY_MEMBER : MEMBERS.get(op);
        Pointer path = pointer(at, operation, "path");
        Pointer from = op != null && allowed.contains("from") ? pointer(at, operation, "from") : null;
        if (op != null && allowed.contains("value") && !operation.has("value")) {
            problem(at + "/value", "required", "'" + op + "' has a 'value'");
        }
        for (Iterator<String> names = operation.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String detail = op == null
                        ? "'" + name + "' is not a member of a JSON Patch operation"
                        : "'" + op + "' has no member '" + name + "'";
                problem(at + "/" + Pointer.escape(name), "additionalProperties", detail);
            }
        }
        if ("remove".equals(op) && path != null && path.isRoot()) {
            problem(at + "/path", "notRoot", "'remove' cannot remove the whole data");
        }
        if ("move".equals(op) && path != null && from != null && from.isProperPrefixOf(path)) {
            problem(at + "/from", "notPrefixOfPath", "'move' cannot move a value into one of its own children");
        }
    }

    /** The name of a valid {@code op} member, or null (with a problem). */
    private String op(String at, JsonNode op) {
        if (op == null) {
            problem(at + "/op", "required", "an operation has an 'op'");
            return null;
        }
        if (!op.isTextual() || !MEMBERS.containsKey(op.asText())) {
            problem(at + "/op", "enum", "'op' is one of add, remove, replace, move, copy, test, not " + op);
            return null;
        }
        return op.asText();
    }

    /** The parsed pointer in member {@code name}, or null (with a problem) if it is missing or invalid. */
    private Pointer pointer(String at, JsonNode operation, String name) {
        JsonNode member = operation.get(name);
        if (member == null) {
            problem(at + "/" + name, "required", "the operation has a '" + name + "'");
            return null;
        }
        if (!member.isTextual()) {
            problem(at + "/" + name, "type", "'" + name + "' is a JSON Pointer string, not " + kind(member));
            return null;
        }
        try {
            return Pointer.parse(member.asText());
        } catch (IllegalArgumentException e) {
            problem(at + "/" + name, "jsonPointer", "'" + name + "' is not a JSON Pointer: " + e.getMessage());
            return null;
        }
    }

    private void problem(String pointer, String rule, String detail) {
        problems.add(new Problem(pointer, rule, detail));
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
