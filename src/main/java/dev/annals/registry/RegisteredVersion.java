package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.annals.registry.upcast.Upcast;
import java.time.OffsetDateTime;

/** One version of a type, compiled: its data schema with the validator, examples and upcast from the previous one. */
public record RegisteredVersion(
        String type,
        int version,
        String schemaText,
        JsonNode schema,
        JsonNode examples,
        Upcast upcast,
        String contentHash,
        OffsetDateTime createdAt,
        Schema validator) {}
