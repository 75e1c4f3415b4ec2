package dev.annals.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses a request whose query string is longer than {@code annals.http.max-query-length} (414) or whose
 * {@code Content-Length} exceeds {@code annals.http.max-body-bytes} (413) with problem+json naming the limit, before
 * any body is read; it runs ahead of the HTTP server's own plain-text body limit ({@code
 * quarkus.http.limits.max-body-size}), which stays as a higher backstop. Chunked append bodies are counted while
 * parsed ({@code AppendBodyReader}).
 */
@ApplicationScoped
public class RequestLimits {
    /** Just before Quarkus' own upload limit, so that ours answers first. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final ObjectMapper mapper;
    private final long maxBodyBytes;
    private final int maxQueryLength;

    public RequestLimits(ObjectMapper mapper, AnnalsConfig config) {
        this.mapper = mapper;
        this.maxBodyBytes = config.http().maxBodyBytes();
        this.maxQueryLength = config.http().maxQueryLength();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String query = request.query();
        if (query != null && query.length() > maxQueryLength) {
            refuse(context, false, queryTooLong(query.length(), maxQueryLength));
            return;
        }
        long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > maxBodyBytes) {
            refuse(context, true, bodyTooLarge(maxBodyBytes, "Content-Length is " + length + " bytes"));
            return;
        }
        context.next();
    }

    /** The problem of a body longer than the limit. */
    public static Problem bodyTooLarge(long maxBodyBytes, String measured) {
        return ProblemType.BODY_TOO_LARGE.problem(
                "The request body is larger than " + maxBodyBytes + " bytes (annals.http.max-body-bytes): " + measured
                        + "; nothing was stored",
                List.of(new FieldError("", "maxBodyBytes", "at most " + maxBodyBytes + " bytes")));
    }

    private static Problem queryTooLong(int length, int max) {
        return ProblemType.URI_TOO_LONG.problem(
                "The query string is " + length + " characters long, at most " + max
                        + " are accepted (annals.http.max-query-length)",
                List.of(new FieldError("query", "maxQueryLength", "at most " + max + " characters")));
    }

    private static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP server answers a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext context, boolean unreadBody, Problem problem) {
        HttpServerRequest request = context.request();
        byte[] body;
        try {
            String id = request.getHeader(RequestIds.HEADER);
            body = mapper.writeValueAsBytes(problem.forRequest(request.path(), RequestIds.isValid(id) ? id : null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (unreadBody && request.version() != HttpVersion.HTTP_2) {
            // the body is not read: the connection cannot carry another request after it
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(done -> request.connection().close());
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
