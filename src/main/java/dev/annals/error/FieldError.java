package dev.annals.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One broken rule, in RFC 9457's vocabulary: where ({@code pointer} into the body, or the {@code parameter} or
 * {@code header} it is about — exactly one), which {@code rule}, and the {@code detail} for a human.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"pointer", "parameter", "header", "rule", "detail"})
@Schema(description = "One broken rule of the request; exactly one of pointer, parameter and header says where.")
public record FieldError(
        @Schema(
                description = "JSON Pointer (RFC 6901) into the request body; \"\" is the whole body.",
                examples = "/0/occurredAt")
        String pointer,

        @Schema(description = "Name of the query or path parameter.", examples = "limit")
        String parameter,

        @Schema(description = "Name of the request header.", examples = "If-Match")
        String header,

        @Schema(
                description = "The rule that failed (JSON Schema keyword or Annals rule name).",
                examples = "format",
                required = true)
        String rule,

        @Schema(description = "Human-readable explanation.", required = true)
        String detail) {

    /** Header-Case names with a hyphen ({@code If-Match}, {@code Idempotency-Key}) are headers. */
    private static final Pattern HEADER_CASE = Pattern.compile("^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)+$");

    /** Headers whose names are not Header-Case. */
    private static final Set<String> LOWERCASE_HEADERS = Set.of("traceparent", "tracestate", "content-type");

    /**
     * Where the error is, by the shape of {@code location}: a JSON Pointer into the body when it is {@code ""} or
     * starts with {@code /}, a header when it is a header name ({@code If-Match}, {@code traceparent}), else a
     * parameter name ({@code limit}, {@code timelineId}).
     */
    public FieldError(String location, String rule, String message) {
        this(
                isPointer(location) ? (location == null ? "" : location) : null,
                !isPointer(location) && !isHeader(location) ? location : null,
                !isPointer(location) && isHeader(location) ? location : null,
                rule,
                message);
    }

    /** An error at a JSON Pointer into the request body. */
    public static FieldError pointer(String pointer, String rule, String detail) {
        return new FieldError(pointer, null, null, rule, detail);
    }

    /** An error about a query or path parameter. */
    public static FieldError parameter(String name, String rule, String detail) {
        return new FieldError(null, name, null, rule, detail);
    }

    /** An error about a request header. */
    public static FieldError header(String name, String rule, String detail) {
        return new FieldError(null, null, name, rule, detail);
    }

    /** The pointer, parameter or header name, whichever this error has. */
    @JsonIgnore
    public String location() {
        return pointer != null ? pointer : parameter != null ? parameter : header;
    }

    private static boolean isPointer(String location) {
        return location == null || location.isEmpty() || location.startsWith("/");
    }

    private static boolean isHeader(String location) {
        return HEADER_CASE.matcher(location).matches() || LOWERCASE_HEADERS.contains(location.toLowerCase(Locale.ROOT));
    }
}
