package dev.annals.config;

import io.smallrye.config.WithDefault;

/** Limits of every HTTP request, checked before it reaches a resource: {@code annals.http.*}. */
public interface HttpLimitsConfig {
    /**
     * Largest request body, in bytes: a {@code Content-Length} above it is refused before the body is read, a
     * chunked append body as soon as it passes it (413). 2 MiB holds a full batch of 1000 events of ~2 KiB (a rich
     * event is ~1 KiB) or eight events of the largest size; keep it below {@code quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2097152")
    long maxBodyBytes();

    /**
     * Longest query string (the raw, percent-encoded text after {@code ?}), in characters; longer is 414. Keep it
     * below {@code quarkus.http.limits.max-initial-line-length}, whose plain answer it replaces.
     */
    @WithDefault("4096")
    int maxQueryLength();
}
