package dev.annals.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request: the caller's {@code X-Request-Id} when it is safe to echo and log (1..128 characters of
 * letters, digits and {@code . _ ~ : @ / + = -}), else a generated UUID.
 */
public final class RequestIds {
    /** The request and response header carrying it. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._~:@/+=-]{1,128}$");

    private RequestIds() {}

    /** The caller's id when valid, else a new one. */
    public static String resolve(String incoming) {
        return isValid(incoming) ? incoming : UUID.randomUUID().toString();
    }

    public static boolean isValid(String id) {
        return id != null && SAFE.matcher(id).matches();
    }
}
