package dev.annals.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The {@code Link: <...>; rel="next"} of a list page: the request's own URI (scheme and host as the client sees
 * them, behind a proxy too when forwarding is configured) with the paging parameter moved on and
 * {@code waitFor} dropped (the next page needs no wait).
 */
public final class NextLinks {
    private NextLinks() {}

    /** Adds the link when {@code next} (the next cursor or position) is not null. */
    public static Response.ResponseBuilder add(
            Response.ResponseBuilder response, UriInfo uri, String parameter, Object next) {
        if (next != null) {
            response.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam(parameter, next)
                            .replaceQueryParam("waitFor")
                            .build(),
                    "next");
        }
        return response;
    }
}
