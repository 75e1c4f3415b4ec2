package dev.annals.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every answer, whoever produced it (a resource, a problem mapper, Vert.x itself): the request id
 * (resolved once, before anything reads it, and echoed), {@code X-Content-Type-Options: nosniff}, no
 * {@code Server} header, and on {@code /v1} a {@code Cache-Control} no shared cache may store.
 */
@ApplicationScoped
public class ResponseHeaders {
    /** Before the CORS and security filters, so that their answers carry these headers too. */
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(ResponseHeaders::handle, PRIORITY);
    }

    static void handle(RoutingContext rc) {
        String id = RequestIds.resolve(rc.request().getHeader(RequestIds.HEADER));
        // what the resources and problem mappers read from now on
        rc.request().headers().set(RequestIds.HEADER, id);
        boolean api =
                rc.normalizedPath().startsWith("/v1/") || rc.normalizedPath().equals("/v1");
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            headers.set(RequestIds.HEADER, id);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.remove("Server");
            if (api) {
                headers.set("Cache-Control", CacheControls.privateOf(headers.get("Cache-Control")));
            }
        });
        rc.next();
    }
}
