package dev.annals.registry.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of the live AsyncAPI document that does not depend on the registry: info, servers, the channel of the
 * events topic and its receive operation (both without messages yet), security schemes, the CloudEvents headers
 * and the record key; the same structure as the committed openapi/annals-asyncapi.yaml.
 */
final class AsyncApiSkeleton {
    static final String CHANNEL = "annalsEvents";
    static final String OPERATION = "receiveTimelineEvents";
    static final String DRAFT_2020_12 = "application/schema+json;version=draft-2020-12";

    // A text block rather than a resource file: the document is code, generated from the registry at each request.
    // Patterns use [.] instead of \. so the text block needs no double escaping.
    private static final String SKELETON = """
            {
              "asyncapi": "3.0.0",
              "id": "urn:dev:annals:events",
              "info": {
                "title": "Annals events (live)",
                "version": "1.0.0",
                "description": "Generated from the event-type registry of this Annals at the time of the request: one message per registered type and version (deprecated types included), ordered by type name then version. Every event appended to a timeline is published to the Kafka topic below as a CloudEvent in binary mode: ce_* record headers, the event as UTF-8 JSON in the value, key = timeline id. The value's data is valid against the JSON Schema of the version named by typeVersion and the ce_dataschema header (inlined here, $id and $schema dropped, local references made absolute). The committed openapi/annals-asyncapi.yaml also describes the dead-letter topic.",
                "license": {"name": "Apache 2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0.html"}
              },
              "defaultContentType": "application/json",
              "servers": {
                "production": {
                  "host": "{bootstrapServers}",
                  "protocol": "kafka",
                  "description": "Production Kafka cluster. Replace the bootstrap servers with your cluster's.",
                  "variables": {
                    "bootstrapServers": {
                      "default": "kafka:9092",
                      "description": "Comma-separated Kafka bootstrap servers (KAFKA_BOOTSTRAP_SERVERS of Annals)."
                    }
                  },
                  "security": [
                    {"$ref": "#/components/securitySchemes/saslScram"},
                    {"$ref": "#/components/securitySchemes/mutualTls"}
                  ]
                }
              },
              "channels": {
                "annalsEvents": {
                  "title": "Timeline events",
                  "description": "One record per appended event, keyed by timeline id; kept forever, in order per timeline, at least once (deduplicate by ce_id).",
                  "messages": {},
                  "bindings": {"kafka": {"bindingVersion": "0.5.0"}}
                }
              },
              "operations": {
                "receiveTimelineEvents": {
                  "action": "receive",
                  "channel": {"$ref": "#/channels/annalsEvents"},
                  "title": "Receive timeline events",
                  "summary": "Consume the events of every timeline, in order per timeline.",
                  "messages": []
                }
              },
              "components": {
                "securitySchemes": {
                  "saslScram": {"type": "scramSha512", "description": "SASL/SCRAM-SHA-512 over TLS (security.protocol=SASL_SSL)."},
                  "mutualTls": {"type": "X509", "description": "TLS with client certificates (security.protocol=SSL)."}
                },
                "schemas": {
                  "timelineId": {
                    "type": "string",
                    "description": "Timeline id (slug).",
                    "pattern": "^[a-z0-9][a-z0-9-]{0,127}$",
                    "maxLength": 128
                  },
                  "cloudEventHeaders": {
                    "type": "object",
                    "description": "CloudEvents 1.0 attributes in binary mode (Kafka protocol binding); every value is a UTF-8 string. Ignore unknown headers.",
                    "required": ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_sequence", "ce_sequencetype", "content-type"],
                    "properties": {
                      "ce_specversion": {"type": "string", "const": "1.0"},
                      "ce_id": {"type": "string", "format": "uuid", "description": "Event id (= value id). Deduplicate by it."},
                      "ce_source": {"type": "string", "format": "uri-reference", "description": "The publishing Annals installation (annals.cloudevents.source)."},
                      "ce_type": {"type": "string", "pattern": "^dev[.]annals[.][a-z0-9][a-z0-9-]{0,99}$", "description": "dev.annals. followed by the event type."},
                      "ce_dataschema": {"type": "string", "format": "uri", "description": "Where the JSON Schema of the data's version is served (annals.cloudevents.dataschema-base + /v1/event-types/{type}/versions/{n})."},
                      "ce_time": {"type": "string", "format": "date-time", "description": "The instant of value occurredAt, in UTC."},
                      "ce_subject": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,127}$", "description": "The timeline id (= record key)."},
                      "ce_sequence": {"type": "string", "pattern": "^[1-9][0-9]*$", "description": "Position of the event in its timeline, as a decimal string."},
                      "ce_sequencetype": {"type": "string", "const": "Integer"},
                      "content-type": {"type": "string", "const": "application/json"}
                    }
                  }
                },
                "messages": {},
                "messageBindings": {
                  "timelineKeyed": {"kafka": {"key": {"$ref": "#/components/schemas/timelineId"}, "bindingVersion": "0.5.0"}}
                }
              }
            }
            """;

    private AsyncApiSkeleton() {}

    /** A fresh skeleton whose channel has the given topic as its address. */
    static ObjectNode create(ObjectMapper mapper, String topic) {
        try {
            ObjectNode document = (ObjectNode) mapper.readTree(SKELETON);
            ObjectNode channel = (ObjectNode) document.path("channels").path(CHANNEL);
            channel.put("address", topic);
            ((ObjectNode) channel.path("bindings").path("kafka")).put("topic", topic);
            return document;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the AsyncAPI skeleton is not JSON", e);
        }
    }
}
