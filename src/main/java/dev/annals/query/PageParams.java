package dev.annals.query;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Ordering, paging and read-your-writes parameters. */
public class PageParams {
    @QueryParam("order")
    @Parameter(
            description = "By occurredAt: asc (default) or desc.",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            enumeration = {"asc", "desc"},
                            defaultValue = "asc"))
    public String order;

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1..500 (default 50).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page (opaque).")
    public String cursor;

    @QueryParam("waitFor")
    @Parameter(
            description = "A position returned by an append: wait (up to 5 s by default) until the read model "
                    + "reflects it, else 503 with Retry-After.",
            example = "anthropic-dod-standoff:14")
    public String waitFor;
}
