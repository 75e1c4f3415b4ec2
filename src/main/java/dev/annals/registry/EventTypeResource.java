package dev.annals.registry;

import dev.annals.correction.ChangeKind;
import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.http.ETags;
import dev.annals.http.NextLinks;
import dev.annals.http.PageLimits;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The event-type registry over HTTP: readers list and read types and versions, admins register and deprecate. */
@Path("/v1/event-types")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event types", description = "The registry of event types and the versioned JSON Schemas of their data.")
public class EventTypeResource {
    /** Versions never change: a year, the longest lifetime RFC 9111 advises. */
    static final String IMMUTABLE = "max-age=31536000, immutable";

    private final RegistryReads reads;
    private final Registration registration;
    private final EventTypeRegistry registry;
    private final PageLimits limits;

    public EventTypeResource(
            RegistryReads reads, Registration registration, EventTypeRegistry registry, PageLimits limits) {
        this.reads = reads;
        this.registration = registration;
        this.registry = registry;
        this.limits = limits;
    }

    @GET
    @Operation(
            operationId = "listEventTypes",
            summary = "List event types",
            description = "Every registered type (deprecated ones too) at its latest version, by name. Keyset "
                    + "pagination: pass nextCursor as cursor.")
    @APIResponse(
            responseCode = "200",
            description = "A page of types; a Link header with rel=\"next\" names the next page.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventTypeList.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid limit or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @QueryParam("limit")
                    @Parameter(
                            description = "Page size, 1..500 (default 50).",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "50"))
                    String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page (opaque).") String cursor,
            @Context UriInfo uri) {
        EventTypeList page = reads.page(cursor, limits.of(limit));
        return NextLinks.add(Response.ok(page, MediaType.APPLICATION_JSON_TYPE), uri, "cursor", page.nextCursor())
                .build();
    }

    @GET
    @Path("/{type}")
    @Operation(
            operationId = "getEventType",
            summary = "Get an event type",
            description = "The type with its latest JSON Schema and examples, and the list of its versions.")
    @APIResponse(
            responseCode = "200",
            description = "The type.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventTypeDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventTypeDetail get(@PathParam("type") String type) {
        return reads.detail(TypeNames.checked(type));
    }

    @GET
    @Path("/{type}/versions/{version}")
    @Operation(
            operationId = "getEventTypeVersion",
            summary = "Get the JSON Schema of one version of an event type",
            description = "Exactly the JSON Schema (2020-12) version n was registered with; immutable, so it is "
                    + "cacheable for a year and has a strong ETag. This is the URI in the ce_dataschema header "
                    + "of every record whose data was validated against it.")
    @APIResponse(
            responseCode = "200",
            description = "The JSON Schema.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "Strong entity tag of the schema's bytes.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched the ETag).")
    @APIResponse(
            responseCode = "404",
            description = "Unknown type or version.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response version(
            @PathParam("type") String type,
            @PathParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        RegisteredVersion found = registry.version(TypeNames.checked(type), TypeNames.version(version))
                .orElseThrow(
                        () -> ProblemType.NOT_FOUND.exception("Event type " + type + " has no version " + version));
        EntityTag tag = StrongTags.of(found.schemaText());
        Response.ResponseBuilder answer = ETags.noneMatchHits(ifNoneMatch, tag)
                ? Response.notModified(tag)
                : Response.ok(found.schemaText(), MediaType.APPLICATION_JSON_TYPE)
                        .tag(tag);
        return answer.header("Cache-Control", IMMUTABLE).build();
    }

    @PUT
    @Path("/{type}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "registerEventType",
            summary = "Register an event type, or its next version (admin)",
            description = "Creates version 1 of a new type; for a known type, the next version when schema, "
                    + "examples or upcast differ from the latest (it must be backward compatible with it, or "
                    + "declare an upcast that turns every earlier example into valid data), new names when only "
                    + "title or description differ, nothing when the body is the same. Every instance accepts "
                    + "events of the new version within a second.")
    @APIResponse(
            responseCode = "201",
            description = "Version 1, or a new version, was registered.",
            headers =
                    @Header(
                            name = "Location",
                            description = "Path of the new version's JSON Schema.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventTypeDetail.class)))
    @APIResponse(
            responseCode = "200",
            description = "Same definition again (nothing changed), or new title or description only.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventTypeDetail.class)))
    @APIResponse(
            responseCode = "400",
            description = "The body is not a definition, or the type name is not a slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not backward compatible (each breaking change with its JSON Pointer), an upcast that "
                    + "does not prove itself on the earlier examples, or a deprecated type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an admin, or a type built into Annals (event-corrected, event-retracted).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Not a JSON Schema 2020-12 for an object, a remote reference, an example the schema "
                    + "refuses, or an upcast that is not JSON Patch.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("type") String type, EventTypeDefinition definition) {
        String name = builtInChangesRefused(TypeNames.checked(type));
        if (definition == null) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The body must be an event-type definition",
                    List.of(FieldError.pointer("", "required", "a JSON object {title, description, schema}")));
        }
        Registration.Result result = registration.register(name, definition);
        registry.refresh();
        EventTypeDetail detail = reads.detail(name);
        return switch (result.outcome()) {
            case CREATED, VERSION_ADDED ->
                Response.created(URI.create(VersionPaths.of(name, result.head().latestVersion())))
                        .entity(detail)
                        .build();
            case RENAMED, UNCHANGED -> Response.ok(detail).build();
        };
    }

    @DELETE
    @Path("/{type}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "deprecateEventType",
            summary = "Deprecate an event type (admin)",
            description = "No new events of the type are accepted; events already recorded stay readable and "
                    + "projectable forever, and the name is never reused. Deprecating twice is the same as once.")
    @APIResponse(
            responseCode = "200",
            description = "The type, deprecated.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventTypeDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown type.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an admin, or a type built into Annals (event-corrected, event-retracted).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventTypeDetail deprecate(@PathParam("type") String type) {
        String name = builtInChangesRefused(TypeNames.checked(type));
        registration.deprecate(name);
        registry.refresh();
        return reads.detail(name);
    }

    /** Corrections and retractions are rules of Annals, not a pack: their definitions cannot change. */
    private static String builtInChangesRefused(String name) {
        if (ChangeKind.of(name).isPresent()) {
            throw ProblemType.FORBIDDEN.exception("Event type " + name + " is built into Annals (corrections and "
                    + "retractions follow its rules): it cannot be redefined or deprecated");
        }
        return name;
    }
}
