package dev.annals.bulk;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Lifts the body-size limits ({@code annals.http.max-body-bytes} and the HTTP server's backstop) for NDJSON
 * imports, whose bodies may be of any length: they are read a line at a time, each line bounded, so memory stays
 * bounded whatever their size. Every other request keeps both limits.
 */
@ApplicationScoped
public class ImportBodyLimits {
    /** The key under which the HTTP server's upload limit counts a chunked body's bytes. */
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private static final Pattern IMPORT_PATH = Pattern.compile("^/v1/timelines/[^/]+/(events|imports)/?$");

    void install(@Observes Router router) {
        // before the Content-Length checks (ours at UPLOAD_LIMIT - 1, the server's at UPLOAD_LIMIT) ...
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(context -> {
            if (isImport(context.request())) {
                context.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
            }
            context.next();
        });
        // ... and after the server's limit noted itself for a body read chunked
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::unlimit);
    }

    private void unlimit(RoutingContext context) {
        if (isImport(context.request())) {
            context.remove(MAX_REQUEST_SIZE);
        }
        context.next();
    }

    static boolean isImport(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.method() == HttpMethod.POST
                && type != null
                && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith(ExportFormat.NDJSON_TYPE)
                && IMPORT_PATH.matcher(request.path()).matches();
    }
}
