package dev.annals.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * An RSA key pair kept in a directory ({@code private.pem}, {@code public.pem}) and the tokens it signs: what the
 * tests and the one-command dev run use instead of an identity provider. The pair is created once, atomically, so
 * every JVM and class loader using the same directory signs with the same key the app verifies with.
 */
public final class TestKeys {
    private final Path dir;
    private final String issuer;
    private final PrivateKey privateKey;

    private TestKeys(Path dir, String issuer, PrivateKey privateKey) {
        this.dir = dir;
        this.issuer = issuer;
        this.privateKey = privateKey;
    }

    /** The keys in this directory, created first if absent. */
    public static TestKeys in(Path dir, String issuer) {
        try {
            if (!Files.isRegularFile(dir.resolve("public.pem"))) {
                create(dir);
            }
            return new TestKeys(dir, issuer, readPrivate(dir.resolve("private.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKey() {
        return dir.resolve("public.pem").toAbsolutePath();
    }

    public String issuer() {
        return issuer;
    }

    /** A token for this subject with these groups, valid for the given time. */
    public String token(String subject, Set<String> groups, Duration lifetime) {
        return token(subject, groups, lifetime, Map.of());
    }

    /** As {@link #token(String, Set, Duration)}, with extra claims (e.g. a write scope). */
    public String token(String subject, Set<String> groups, Duration lifetime, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .issuedAt(System.currentTimeMillis() / 1000)
                .expiresIn(lifetime);
        claims.forEach(builder::claim);
        return builder.jws().keyId("annals-dev").sign(privateKey);
    }

    private static void create(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir.toAbsolutePath().getParent());
        Path staging = Files.createTempDirectory(dir.toAbsolutePath().getParent(), dir.getFileName() + ".");
        Files.writeString(
                staging.resolve("private.pem"),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(
                staging.resolve("public.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another JVM or class loader won the race: use its pair
            Files.delete(staging.resolve("private.pem"));
            Files.delete(staging.resolve("public.pem"));
            Files.delete(staging);
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
