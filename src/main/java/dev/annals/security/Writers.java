package dev.annals.security;

import io.quarkus.security.identity.SecurityIdentity;

/** Who a write is recorded as. */
public final class Writers {
    private Writers() {}

    /** The caller's subject, or null when the caller is anonymous (security off, or public access). */
    public static String subject(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous()
                ? null
                : identity.getPrincipal().getName();
    }
}
