package dev.annals.ops;

import static dev.annals.ops.HostileCase.of;
import static dev.annals.ops.HostileHttp.answer;
import static dev.annals.ops.HostileHttp.api;

import dev.annals.support.Api;
import dev.annals.support.Fixtures;
import dev.annals.testing.TestKeys;
import dev.annals.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hostile credentials: every kind of bad bearer token, and good tokens used beyond their role or scope. */
final class HostileTokenCases {
    private static final String UNAUTHORIZED = "unauthorized";
    private static final String FORBIDDEN = "forbidden";
    private static final String APPEND = "/v1/timelines/{t}/events";

    private HostileTokenCases() {}

    static List<HostileCase> cases() {
        Map<String, String> bad = Map.of(
                "token signed by another key",
                TestKeys.in(Path.of("target", "annals-other-keys"), TestTokens.ISSUER)
                        .token("mallory", Set.of("writer", "admin"), Duration.ofHours(1)),
                "token with alg none",
                TestTokens.unsigned(
                        "{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"mallory\",\"groups\":[\"writer\"],"
                                + "\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}"),
                "expired token",
                TestTokens.keys().token("late", Set.of("writer"), Duration.ofMinutes(-10)),
                "token with the wrong issuer",
                TestKeys.in(Path.of("target", "annals-test-keys"), "https://evil.example")
                        .token("mallory", Set.of("writer"), Duration.ofHours(1)),
                "token that is not a JWT",
                "not.a.jwt",
                "token with a tampered payload",
                TestTokens.tampered(
                        TestTokens.withGroups("reader"),
                        payload -> payload.replace("[\"reader\"]", "[\"reader\",\"writer\",\"admin\"]")));
        List<HostileCase> cases = new ArrayList<>();
        bad.forEach((name, token) -> {
            cases.add(of("append: " + name, 401, UNAUTHORIZED, t -> append(api(token), t)));
            cases.add(of(
                    "events: " + name, 401, UNAUTHORIZED, t -> answer(api(token).get("/v1/events"))));
        });
        cases.add(of("append: no token", 401, UNAUTHORIZED, t -> append(Api.anonymous(), t)));
        cases.add(of(
                "rebuild: no token",
                401,
                UNAUTHORIZED,
                t -> answer(Api.anonymous().post("/v1/projections/timeline/rebuild"))));
        cases.add(of("append: a reader's token", 403, FORBIDDEN, t -> append(api(TestTokens.withGroups("reader")), t)));
        cases.add(of(
                "append: outside the token's write scope",
                403,
                FORBIDDEN,
                t -> append(
                        api(TestTokens.withClaims(
                                Set.of("writer"), Map.of("annals_timelines", List.of("elsewhere-*")))),
                        t)));
        cases.add(of(
                "republish: a writer's token",
                403,
                FORBIDDEN,
                t -> answer(api(TestTokens.withGroups("writer"))
                        .contentType("application/json")
                        .body("{\"timelineId\": \"" + t + "\"}")
                        .post("/v1/admin/republish"))));
        cases.add(of(
                "rebuild: a writer's token",
                403,
                FORBIDDEN,
                t -> answer(api(TestTokens.withGroups("writer")).post("/v1/projections/timeline/rebuild"))));
        return cases;
    }

    private static HostileHttp.Answer append(io.restassured.specification.RequestSpecification request, String t) {
        return answer(request.contentType("application/json")
                .body(Fixtures.json(List.of(Fixtures.statement("hostile token"))))
                .post(APPEND, t));
    }
}
