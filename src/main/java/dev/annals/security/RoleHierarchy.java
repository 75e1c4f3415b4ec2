package dev.annals.security;

import dev.annals.config.SecurityConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives writers and admins the reader role, and anonymous callers the reader role when public read is on, so that
 * every read operation declares one role ({@code reader}).
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {
    private final boolean publicRead;

    public RoleHierarchy(SecurityConfig config) {
        this.publicRead = config.publicRead();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        boolean reads =
                identity.isAnonymous() ? publicRead : identity.hasRole(Roles.WRITER) || identity.hasRole(Roles.ADMIN);
        if (!reads || identity.hasRole(Roles.READER)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRole(Roles.READER)
                        .build());
    }
}
