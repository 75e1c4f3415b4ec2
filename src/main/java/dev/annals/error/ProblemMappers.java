package dev.annals.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.annals.http.RequestIds;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an {@code application/problem+json} answer; never a stack trace or class name. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Response response = respond(e.problem(), uri, headers);
        return e.problem().status() == 503
                ? Response.fromResponse(response).header("Retry-After", "1").build()
                : response;
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return respond(
                ProblemType.INVALID_REQUEST.problem(
                        "The body is not well-formed JSON" + where,
                        List.of(FieldError.pointer("", "json", e.getOriginalMessage()))),
                uri,
                headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri, headers);
        }
        ProblemType type;
        if (e instanceof NotFoundException) {
            type = ProblemType.NOT_FOUND;
        } else if (e instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof NotAcceptableException) {
            type = ProblemType.NOT_ACCEPTABLE;
        } else if (e.getResponse().getStatus() == 400) {
            type = ProblemType.INVALID_REQUEST;
        } else if (e.getResponse().getStatus() < 500) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            return respond(
                    new Problem(
                            java.net.URI.create("about:blank"),
                            status.getReasonPhrase(),
                            status.getStatusCode(),
                            null,
                            null,
                            null,
                            null,
                            null),
                    uri,
                    headers);
        } else {
            return unexpected(e, uri, headers);
        }
        String detail = type == ProblemType.UNSUPPORTED_MEDIA_TYPE
                ? "Send the body as application/json"
                : type == ProblemType.NOT_FOUND
                        ? "No resource at this path"
                        : type.problem(null).title();
        return respond(type.problem(detail), uri, headers);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof ConstraintViolationException violation
                && violation.getConstraintName() != null
                && violation.getConstraintName().startsWith("journal_")) {
            return respond(
                    ProblemType.IDEMPOTENCY_CONFLICT.problem(
                            "Nothing was stored: a concurrent append used the same event id or sequence; retry"),
                    uri,
                    headers);
        }
        return databaseOrUnexpected(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response any(Exception e, UriInfo uri, HttpHeaders headers) {
        return databaseOrUnexpected(e, uri, headers);
    }

    private Response databaseOrUnexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (isDataException(e)) {
            return respond(
                    ProblemType.INVALID_REQUEST.problem(
                            "A value of the request is out of the range the database can store or compare"),
                    uri,
                    headers);
        }
        if (hasSqlState(e, "57014")) {
            Problem problem = ProblemType.STATEMENT_TIMEOUT.problem(
                    "The database cancelled the statement at its timeout; nothing was changed. Narrow the query or"
                            + " retry later.");
            return Response.fromResponse(respond(problem, uri, headers))
                    .header("Retry-After", "2")
                    .build();
        }
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            Problem problem = ProblemType.SERVICE_UNAVAILABLE.problem(
                    "The journal database is unreachable; nothing was stored. Retry later.");
            return Response.fromResponse(respond(problem, uri, headers))
                    .header("Retry-After", "5")
                    .build();
        }
        return unexpected(e, uri, headers);
    }

    private Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        LOG.errorf(e, "Unexpected failure (request %s)", requestId(headers));
        return respond(ProblemType.INTERNAL.problem("An unexpected error occurred; it has been logged"), uri, headers);
    }

    /**
     * Whether the failure means PostgreSQL cannot be reached or refuses connections (then the answer is 503):
     * connection errors (SQLSTATE class 08), insufficient resources (53), operator intervention such as a
     * shutdown (57), a database not accepting connections, or no connection obtained at all.
     */
    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof org.hibernate.JDBCException jdbc
                            && jdbc.getMessage() != null
                            && jdbc.getMessage().startsWith("Unable to acquire JDBC Connection")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || "55000".equals(state)
                                && String.valueOf(sql.getMessage()).contains("accepting connections")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the failure or one of its causes carries this SQLSTATE (57014: cancelled at statement_timeout). */
    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 22: a value the database cannot take (out of range, invalid text), i.e. the caller's input. */
    private static boolean isDataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The problem as an answer, with this request's path and id; for mappers in other packages too. */
    public static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.forRequest(
                        uri == null ? null : uri.getRequestUri().getRawPath(), requestId(headers)))
                .build();
    }

    /** The id {@link dev.annals.http.ResponseHeaders} resolved for this request and echoes in its answer. */
    private static String requestId(HttpHeaders headers) {
        String id = headers == null ? null : headers.getHeaderString(RequestIds.HEADER);
        return RequestIds.isValid(id) ? id : null;
    }
}
