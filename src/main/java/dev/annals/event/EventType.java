package dev.annals.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/** A catalogue entry: a type name with the JSON Schema of its {@code data}. */
public record EventType(String name, String title, String description, JsonNode schemaDocument, Schema schema) {}
