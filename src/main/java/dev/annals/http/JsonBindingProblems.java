package dev.annals.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemMappers;
import dev.annals.error.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A JSON body that is well-formed but does not bind to the request type (an array for an object, text for a number)
 * is a 400 problem+json naming the field, instead of the JSON framework's own answer (which has no problem shape and
 * names Java classes).
 */
public class JsonBindingProblems {
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = pointer(e);
        FieldError error = e instanceof UnrecognizedPropertyException unknown
                ? new FieldError(field, "additionalProperties", "unknown field '" + unknown.getPropertyName() + "'")
                : new FieldError(field, "type", "has the wrong JSON type" + expected(e.getTargetType()));
        return ProblemMappers.respond(
                ProblemType.INVALID_REQUEST.problem(
                        "The body does not match the request's schema; nothing was changed", List.of(error)),
                uri,
                headers);
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            pointer.append(
                    reference.getFieldName() != null
                            ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                            : Integer.toString(reference.getIndex()));
        }
        return pointer.toString();
    }

    /** The JSON type a Java type is read from, without naming the Java type. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return ": expected a number";
        }
        if (type == String.class) {
            return ": expected a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return ": expected true or false";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return ": expected an array";
        }
        return ": expected an object";
    }
}
