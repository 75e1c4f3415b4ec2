package dev.annals.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.annals.config.SecurityConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser Quarkus verifies bearer tokens with, plus a bounded cache of verified tokens: a token is
 * verified (signature, issuer, audience, expiry) once per instance and then served from memory until its
 * {@code exp}. Failures are never cached. Memory is bounded by {@code annals.security.token-cache}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
    private final DefaultJWTParser delegate;
    private final Cache<String, JsonWebToken> verified;

    public CachingJwtParser(DefaultJWTParser delegate, SecurityConfig config) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(config.tokenCache().asLongValue())
                .<String, JsonWebToken>weigher((token, jwt) -> token.length() + 512)
                .expireAfter(new UntilExpiry())
                .build();
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(bearerToken);
        if (cached != null) {
            return cached; // never past its exp: the cache expires each entry then (UntilExpiry)
        }
        JsonWebToken jwt = delegate.parse(bearerToken);
        verified.put(bearerToken, jwt);
        return jwt;
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate.parseOnly(bearerToken);
    }

    /** Each entry lives until its token's {@code exp}; a token without one is not kept. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long seconds = jwt.getExpirationTime() - Instant.now().getEpochSecond();
            return seconds <= 0 ? 0 : TimeUnit.SECONDS.toNanos(seconds);
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
