package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.annals.registry.upcast.Upcast;

/** A definition that passed every check that does not need the registry, with its canonical texts and hash. */
record CheckedDefinition(
        String title,
        String description,
        JsonNode schema,
        String schemaText,
        JsonNode examples,
        String examplesText,
        Upcast upcast,
        String upcastText,
        String contentHash,
        Schema validator) {}
