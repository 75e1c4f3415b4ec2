package dev.annals.security;

import dev.annals.config.SecurityConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before the body is read, a write to a timeline outside the token's write scope (403); a token without
 * the timelines claim may write anywhere its role allows.
 */
public class WriteScopeFilter {
    private final CurrentIdentityAssociation identities;
    private final String claim;

    public WriteScopeFilter(CurrentIdentityAssociation identities, SecurityConfig config) {
        this.identities = identities;
        this.claim = config.timelinesClaim();
    }

    @TimelineWrite
    @ServerRequestFilter
    public Uni<Response> checkScope(UriInfo uri, HttpHeaders headers) {
        String timelineId = uri.getPathParameters().getFirst("timelineId");
        return identities.getDeferredIdentity().map(identity -> {
            WriteScope scope = identity.getPrincipal() instanceof JsonWebToken jwt
                    ? scopeOf(jwt.getClaim(claim))
                    : WriteScope.UNRESTRICTED;
            return timelineId == null || scope.allows(timelineId)
                    ? null
                    : SecurityProblems.forbidden(
                            "The token may not write to timeline '" + timelineId + "' (its claim " + claim
                                    + " does not list it)",
                            uri,
                            headers);
        });
    }

    /** The claim as a list of strings (a JSON array is a collection too); a single string is a list of one, anything else allows nothing. */
    static WriteScope scopeOf(Object value) {
        if (value == null) {
            return WriteScope.UNRESTRICTED;
        }
        if (value instanceof String one) {
            return new WriteScope(List.of(one));
        }
        if (value instanceof Collection<?> many) {
            return new WriteScope(many.stream()
                    .map(WriteScopeFilter::text)
                    .filter(s -> s != null)
                    .toList());
        }
        return new WriteScope(List.of());
    }

    private static String text(Object item) {
        if (item instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return item instanceof String s ? s : null;
    }
}
