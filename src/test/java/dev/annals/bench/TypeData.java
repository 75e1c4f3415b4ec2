package dev.annals.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** The {@code data} object of each of the 11 built-in event types, valid against its schema. */
final class TypeData {
    /** Every catalogue type with its share of the generated events (per mille). */
    static final String[] TYPES = {
        "statement-issued",
        "meeting-held",
        "deadline-set",
        "ultimatum-issued",
        "terms-refused",
        "terms-accepted",
        "red-line-stated",
        "supply-chain-risk-threatened",
        "defense-production-act-considered",
        "contract-terminated",
        "transition-committed"
    };

    static final int[] WEIGHTS = {350, 200, 100, 80, 70, 60, 60, 30, 20, 20, 10};
    private static final String[] MEDIA = {
        "press-release", "blog-post", "social-media", "interview", "press-conference", "letter", "testimony", "other"
    };
    private static final String[] PRECISIONS = {"second", "minute", "hour", "day", "month", "year"};
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TypeData() {}

    static String pickType(Random random) {
        int r = random.nextInt(1000);
        for (int i = 0; i < TYPES.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return TYPES[i];
            }
        }
        return TYPES[0];
    }

    /** Data for {@code type}; {@code a} holds at least two distinct actor ids, {@code text} a phrase, {@code when} a time. */
    static ObjectNode of(String type, List<String> a, String text, String when, Random random) {
        ObjectNode d = F.objectNode();
        switch (type) {
            case "statement-issued" ->
                d.put("speaker", a.get(0))
                        .put("onBehalfOf", a.get(1))
                        .put("quote", "We have made our position clear: " + text)
                        .put("medium", MEDIA[random.nextInt(MEDIA.length)]);
            case "meeting-held" -> {
                d.set("participants", ids(a));
                d.put("convenedBy", a.get(0)).put("location", "Geneva").put("agenda", text);
            }
            case "deadline-set" -> {
                d.put("deadline", when)
                        .put("deadlinePrecision", PRECISIONS[random.nextInt(PRECISIONS.length)])
                        .put("setBy", a.get(0))
                        .put("subject", text);
                d.set("appliesTo", ids(a.subList(1, a.size())));
            }
            case "ultimatum-issued" -> {
                d.put("issuedBy", a.get(0))
                        .put("demand", text)
                        .put("deadline", when)
                        .put("consequence", "Loss of all pending contracts.");
                d.set("issuedTo", ids(a.subList(1, a.size())));
            }
            case "terms-refused" -> {
                d.put("party", a.get(0))
                        .put("counterparty", a.get(1))
                        .put("refusedTerms", text)
                        .put("openToNegotiation", random.nextBoolean());
                d.set("redLines", F.arrayNode().add("No mass surveillance").add("No autonomous weapons"));
            }
            case "terms-accepted" -> {
                d.put("party", a.get(0)).put("counterparty", a.get(1)).put("terms", text);
                d.set("conditions", F.arrayNode().add("Subject to review after one year"));
            }
            case "red-line-stated" ->
                d.put("party", a.get(0))
                        .put("redLine", text)
                        .put("addressedTo", a.get(1))
                        .put("rationale", "It would undermine the values the institution exists to defend.");
            case "supply-chain-risk-threatened" ->
                d.put("threatenedBy", a.get(0))
                        .put("target", a.get(1))
                        .put("designation", "supply chain risk")
                        .put("implication", text);
            case "defense-production-act-considered" ->
                d.put("consideredBy", a.get(0)).put("target", a.get(1)).put("purpose", text);
            case "contract-terminated" ->
                d.put("terminatedBy", a.get(0))
                        .put("counterparty", a.get(1))
                        .put("contract", text)
                        .put("effectiveAt", when);
            case "transition-committed" -> {
                d.put("committedBy", a.get(0)).put("committedTo", a.get(1)).put("commitment", text);
                d.set("to", ids(a.subList(1, a.size())));
            }
            default -> throw new IllegalArgumentException(type);
        }
        return d;
    }

    private static ArrayNode ids(List<String> ids) {
        ArrayNode array = F.arrayNode();
        ids.forEach(array::add);
        return array;
    }
}
