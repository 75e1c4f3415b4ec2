package dev.annals.security;

/** The three roles of the {@code groups} claim; a writer or an admin is also a reader. */
public final class Roles {
    public static final String READER = "reader";
    public static final String WRITER = "writer";
    public static final String ADMIN = "admin";

    private Roles() {}
}
