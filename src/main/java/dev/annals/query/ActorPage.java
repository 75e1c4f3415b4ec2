package dev.annals.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of actors, in the list shape every list endpoint answers with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of actors, most frequent first (ties by id).")
public record ActorPage(
        @Schema(required = true) List<ActorSummary> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
        String nextCursor) {}
