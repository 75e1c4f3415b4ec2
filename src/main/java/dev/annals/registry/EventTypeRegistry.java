package dev.annals.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.annals.registry.upcast.InvalidUpcast;
import dev.annals.registry.upcast.Upcast;
import dev.annals.registry.upcast.UpcastStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows of the registry. Versions are immutable, so a compiled version is cached until it is
 * evicted (bounded) and never invalidated; heads (latest version, deprecation, names) change, and are refreshed from
 * the rows whose revision is newer than the newest seen: by {@link RegistryRefresher} every few hundred
 * milliseconds, after every local registration, and on a lookup of a type this instance does not know yet.
 */
@ApplicationScoped
public class EventTypeRegistry {
    private static final int MAX_COMPILED_VERSIONS = 10_000;
    /** A lookup of an unknown type refreshes at most this often: unknown names are cheap to send. */
    private static final long MISS_REFRESH_NANOS = 20_000_000L;

    private final RegistryStore store;
    private final ObjectMapper mapper;
    private final Map<String, TypeHead> heads = new ConcurrentHashMap<>();
    private final Cache<String, RegisteredVersion> versions =
            Caffeine.newBuilder().maximumSize(MAX_COMPILED_VERSIONS).build();
    private volatile long seen;
    private volatile long lastRefresh = System.nanoTime() - MISS_REFRESH_NANOS;

    public EventTypeRegistry(RegistryStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** The type's head, reading the registry again (rate-limited) when this instance does not know it. */
    public Optional<TypeHead> head(String type) {
        TypeHead head = heads.get(type);
        if (head == null && System.nanoTime() - lastRefresh > MISS_REFRESH_NANOS) {
            refreshAfterMiss();
            head = heads.get(type);
        }
        return Optional.ofNullable(head);
    }

    /** Every type known to this instance, in no particular order. */
    public Collection<TypeHead> heads() {
        return heads.values();
    }

    /** A version, compiled once per instance; empty when the registry has no such version. */
    public Optional<RegisteredVersion> version(String type, int version) {
        if (version < 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(versions.get(
                type + "\n" + version,
                key -> store.version(type, version).map(this::compile).orElse(null)));
    }

    /** Versions 1 to {@code latest} of a type, oldest first (each compiled once per instance). */
    public List<RegisteredVersion> versions(String type, int latest) {
        List<RegisteredVersion> found = new ArrayList<>(latest);
        for (int v = 1; v <= latest; v++) {
            int version = v;
            found.add(version(type, v)
                    .orElseThrow(() -> new IllegalStateException("registry version missing: " + type + "/" + version)));
        }
        return found;
    }

    /** The steps that upcast data written under {@code written} to the type's latest version (empty when latest). */
    public List<UpcastStep> stepsAfter(String type, int written) {
        TypeHead head = heads.get(type);
        if (head == null || head.latestVersion() <= written) {
            return List.of();
        }
        List<UpcastStep> steps = new ArrayList<>(head.latestVersion() - written);
        for (int v = written + 1; v <= head.latestVersion(); v++) {
            RegisteredVersion next =
                    version(type, v).orElseThrow(() -> new IllegalStateException("registry version missing: " + type));
            steps.add(new UpcastStep(next.version(), next.upcast(), next.schema()));
        }
        return steps;
    }

    /** Reads the heads changed since the newest revision seen. */
    public synchronized void refresh() {
        refreshNow();
    }

    private synchronized void refreshAfterMiss() {
        if (System.nanoTime() - lastRefresh > MISS_REFRESH_NANOS) {
            refreshNow();
        }
    }

    private void refreshNow() {
        lastRefresh = System.nanoTime();
        for (TypeHead head : store.headsSince(seen)) {
            heads.merge(head.type(), head, (old, fresh) -> fresh.revision() > old.revision() ? fresh : old);
            seen = Math.max(seen, head.revision());
        }
    }

    private RegisteredVersion compile(StoredVersion stored) {
        try {
            JsonNode schema = mapper.readTree(stored.schemaDocument());
            JsonNode upcastDocument = stored.upcast() == null ? null : mapper.readTree(stored.upcast());
            return new RegisteredVersion(
                    stored.type(),
                    stored.version(),
                    stored.schemaDocument(),
                    schema,
                    mapper.readTree(stored.examples()),
                    Upcast.parse(upcastDocument),
                    stored.contentHash(),
                    stored.createdAt(),
                    DataSchemas.compile(schema));
        } catch (JsonProcessingException | InvalidUpcast e) {
            throw new IllegalStateException(
                    "registry version " + stored.type() + "/" + stored.version() + " cannot be read", e);
        }
    }
}
