package dev.annals.security;

import dev.annals.error.Problem;
import dev.annals.error.ProblemMappers;
import dev.annals.error.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem details. A 401 carries the RFC 6750 challenge; the reason a token was refused is logged
 * at debug level by SmallRye JWT and never echoed, so that an answer gives an attacker nothing to tune against.
 */
public class SecurityProblems {
    static final String CHALLENGE = "Bearer realm=\"annals\"";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return respond(
                ProblemType.UNAUTHORIZED.problem("Send a bearer token: Authorization: Bearer <JWT>"),
                CHALLENGE,
                uri,
                headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return respond(
                ProblemType.UNAUTHORIZED.problem(
                        "The bearer token is not valid: unreadable, not signed by a trusted key, expired, or for "
                                + "another issuer or audience"),
                CHALLENGE + ", error=\"invalid_token\"",
                uri,
                headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return forbidden("The token's groups do not include the role this operation needs", uri, headers);
    }

    static Response forbidden(String detail, UriInfo uri, HttpHeaders headers) {
        return ProblemMappers.respond(ProblemType.FORBIDDEN.problem(detail), uri, headers);
    }

    private static Response respond(Problem problem, String challenge, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(ProblemMappers.respond(problem, uri, headers))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
