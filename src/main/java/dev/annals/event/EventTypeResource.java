package dev.annals.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event-type catalogue over HTTP. */
@Path("/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event types", description = "The catalogue of event types and their data schemas.")
public class EventTypeResource {
    private final EventTypeCatalogue catalogue;

    public EventTypeResource(EventTypeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** One catalogue entry as listed. */
    @Schema(name = "EventTypeSummary")
    public record Summary(
            @Schema(required = true) String type,
            @Schema(required = true) String title,
            @Schema(required = true) String description,

            @Schema(description = "Path of the type's JSON Schema.", required = true)
            String schema) {}

    /** The catalogue, in the list shape every list endpoint answers with (it is small: one page). */
    @Schema(name = "EventTypeList", description = "Every event type of the catalogue (one page).")
    public record EventTypeList(@Schema(required = true) List<Summary> items) {}

    @GET
    @Path("/event-types")
    @Operation(
            operationId = "listEventTypes",
            summary = "List event types",
            description = "Every type in the catalogue with a path to the JSON Schema of its data.")
    public EventTypeList list() {
        return new EventTypeList(catalogue.all().stream()
                .map(t -> new Summary(t.name(), t.title(), t.description(), "/v1/event-types/" + t.name()))
                .toList());
    }

    @GET
    @Path("/event-types/{type}")
    @Operation(
            operationId = "getEventType",
            summary = "Get the JSON Schema of an event type's data",
            description = "A JSON Schema (draft 2020-12) that the data object of events of this type must satisfy.")
    @APIResponse(
            responseCode = "200",
            description = "The JSON Schema.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .OBJECT)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonNode schema(@PathParam("type") String type) {
        return catalogue
                .find(type)
                .map(EventType::schemaDocument)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("Unknown event type " + type));
    }
}
