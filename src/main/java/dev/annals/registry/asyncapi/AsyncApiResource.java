package dev.annals.registry.asyncapi;

import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live AsyncAPI document of the events topic, generated from the event-type registry. */
@Path("/v1/asyncapi")
@RolesAllowed(Roles.READER)
@Tag(name = "Contracts", description = "Machine-readable contracts generated from the running registry.")
public class AsyncApiResource {
    private final AsyncApiDocuments documents;

    public AsyncApiResource(AsyncApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAsyncApi",
            summary = "Get the live AsyncAPI document of the events topic",
            description = "AsyncAPI 3.0 document of the Kafka topic events are published to, generated from the "
                    + "registry: one message per registered type and version (deprecated types included, marked in "
                    + "the description), named <type>.v<n>, whose payload is the published event with data set to "
                    + "that version's JSON Schema (inlined) and whose headers pin ce_type and ce_dataschema. Types by "
                    + "name, versions ascending: the same registry gives the same document and the same weak ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The AsyncAPI document.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "Weak entity tag of the document.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag).")
    public Response get(@Context Request request) {
        String body = documents.json();
        EntityTag tag = new EntityTag(sha256(body), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer =
                notModified != null ? notModified : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        // the registry changes: caches may keep the document but must revalidate it
        return answer.tag(tag).header("Cache-Control", "no-cache").build();
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
