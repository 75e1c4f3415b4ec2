package dev.annals.registry.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.registry.RegisteredVersion;
import dev.annals.registry.TypeHead;

/** The AsyncAPI message of one version of an event type, added to the events channel and its receive operation. */
final class EventMessages {
    static final String CE_TYPE_PREFIX = "dev.annals.";
    static final String ENVELOPE = "#/components/schemas/publishedEvent";

    private EventMessages() {}

    /** The message name of a version: {@code <type>.v<n>}, e.g. {@code terms-refused.v1}. */
    static String name(String type, int version) {
        return type + ".v" + version;
    }

    /** Adds the message of {@code version} of {@code head}'s type, whose events carry {@code dataschema}. */
    static void add(ObjectNode document, TypeHead head, RegisteredVersion version, String dataschema) {
        String name = name(head.type(), version.version());
        String ceType = CE_TYPE_PREFIX + head.type();
        ObjectNode message = ((ObjectNode) document.path("components").path("messages")).putObject(name);
        message.put("name", name);
        message.put("title", head.title() + " (v" + version.version() + ")");
        message.put(
                "summary",
                "An event of type " + head.type() + " whose data is version " + version.version() + " (ce_type "
                        + ceType + ", ce_dataschema " + dataschema + ").");
        message.put("description", description(head, version));
        message.set("headers", headers(message, ceType, dataschema));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", AsyncApiSkeleton.DRAFT_2020_12);
        payload.set("schema", envelope(payload, head.type(), version, name));
        message.putObject("bindings").put("$ref", "#/components/messageBindings/timelineKeyed");

        ObjectNode channel = (ObjectNode) document.path("channels").path(AsyncApiSkeleton.CHANNEL);
        ((ObjectNode) channel.path("messages")).putObject(name).put("$ref", "#/components/messages/" + name);
        ((ArrayNode) document.path("operations")
                        .path(AsyncApiSkeleton.OPERATION)
                        .path("messages"))
                .addObject()
                .put("$ref", "#/channels/" + AsyncApiSkeleton.CHANNEL + "/messages/" + name);
    }

    private static String description(TypeHead head, RegisteredVersion version) {
        StringBuilder text = new StringBuilder();
        if (head.deprecated()) {
            text.append("**Deprecated** since ")
                    .append(head.deprecatedAt())
                    .append(": no new events of this type are accepted; recorded ones are still published and"
                            + " replayed. ");
        }
        if (head.description() != null && !head.description().isBlank()) {
            text.append(head.description().strip()).append(' ');
        }
        text.append("Version ")
                .append(version.version())
                .append(" of ")
                .append(head.latestVersion())
                .append(version.version() == head.latestVersion() ? " (latest)." : ".");
        return text.toString();
    }

    private static ObjectNode headers(ObjectNode factory, String ceType, String dataschema) {
        ObjectNode headers = factory.objectNode();
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/cloudEventHeaders");
        ObjectNode own = allOf.addObject();
        own.put("type", "object");
        own.putArray("required").add("ce_dataschema");
        ObjectNode properties = own.putObject("properties");
        properties.putObject("ce_type").put("const", ceType);
        properties.putObject("ce_dataschema").put("const", dataschema);
        return headers;
    }

    /** The published event with {@code type}, {@code typeVersion} and {@code data} pinned to this version. */
    private static ObjectNode envelope(ObjectNode factory, String type, RegisteredVersion version, String name) {
        ObjectNode schema = factory.objectNode();
        ArrayNode allOf = schema.putArray("allOf");
        allOf.addObject().put("$ref", ENVELOPE);
        ObjectNode own = allOf.addObject();
        own.put("type", "object");
        ObjectNode properties = own.putObject("properties");
        properties.putObject("type").put("const", type);
        // events recorded before the registry have no typeVersion: they are version 1
        properties.putObject("typeVersion").put("const", version.version());
        if (version.version() > 1) {
            own.putArray("required").add("typeVersion");
        }
        String at = "/components/messages/" + InlinedSchemas.token(name) + "/payload/schema/allOf/1/properties/data";
        properties.set("data", InlinedSchemas.inline(version.schema(), at));
        return schema;
    }
}
