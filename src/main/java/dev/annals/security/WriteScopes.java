package dev.annals.security;

import dev.annals.config.SecurityConfig;
import dev.annals.error.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The write-scope check for writes whose timeline is known only once the request is read (a change to an event). */
@ApplicationScoped
public class WriteScopes {
    private final String claim;

    public WriteScopes(SecurityConfig config) {
        this.claim = config.timelinesClaim();
    }

    /** 403 unless the caller's token may write to {@code timelineId}. */
    public void require(SecurityIdentity identity, String timelineId) {
        WriteScope scope = identity.getPrincipal() instanceof JsonWebToken jwt
                ? WriteScopeFilter.scopeOf(jwt.getClaim(claim))
                : WriteScope.UNRESTRICTED;
        if (!scope.allows(timelineId)) {
            throw ProblemType.FORBIDDEN.exception("The token may not write to timeline '" + timelineId + "' (its claim "
                    + claim + " does not list it)");
        }
    }
}
