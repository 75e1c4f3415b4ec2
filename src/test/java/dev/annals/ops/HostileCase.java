package dev.annals.ops;

import java.util.function.Function;

/**
 * One row of the hostile-input matrix: a name, how to send it (given a fresh timeline id no one else uses), the
 * expected status and problem type slug ({@code null}: a plain 2xx JSON answer is expected) and, optionally, a
 * rule that must be among the problem's errors.
 */
record HostileCase(String name, Function<String, HostileHttp.Answer> send, int status, String slug, String rule) {
    static HostileCase of(String name, int status, String slug, Function<String, HostileHttp.Answer> send) {
        return new HostileCase(name, send, status, slug, null);
    }

    /** A hostile value a filter must take as plain text: 200 (not a problem, never a 5xx). */
    static HostileCase ok(String name, Function<String, HostileHttp.Answer> send) {
        return new HostileCase(name, send, 200, null, null);
    }

    HostileCase rule(String expected) {
        return new HostileCase(name, send, status, slug, expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
