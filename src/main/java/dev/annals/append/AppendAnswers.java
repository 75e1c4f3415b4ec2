package dev.annals.append;

import dev.annals.http.ETags;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The 201 of every write that appends: the timeline's version as ETag, the replay flag, the request id. */
public final class AppendAnswers {
    private AppendAnswers() {}

    public static Response created(AppendService.Outcome outcome, TraceContext trace, URI location) {
        AppendResult result = outcome.result();
        return Response.status(Response.Status.CREATED)
                .tag(ETags.weak(Long.toString(result.version())))
                .location(location)
                .header("Idempotent-Replayed", outcome.replayed() ? "true" : null)
                .header("X-Request-Id", trace.requestId())
                .type(MediaType.APPLICATION_JSON)
                .entity(result)
                .build();
    }
}
