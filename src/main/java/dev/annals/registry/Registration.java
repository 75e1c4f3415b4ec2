package dev.annals.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Registers types and versions and deprecates types, each in one transaction that holds the registry's row lock
 * (so two registrations of one type cannot both add version n). The caller refreshes {@link EventTypeRegistry}
 * after the commit.
 */
@ApplicationScoped
public class Registration {
    /** What a registration did. */
    public enum Outcome {
        CREATED,
        VERSION_ADDED,
        RENAMED,
        UNCHANGED
    }

    /** The outcome with the type's head after it. */
    public record Result(Outcome outcome, TypeHead head) {}

    private final RegistryStore store;
    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;

    public Registration(RegistryStore store, EventTypeRegistry registry, ObjectMapper mapper) {
        this.store = store;
        this.registry = registry;
        this.mapper = mapper;
    }

    /**
     * Version 1 of a new type, the next version when schema, examples or upcast differ from the latest, new names
     * when only title or description differ, nothing when all are the same.
     */
    @Transactional
    public Result register(String type, EventTypeDefinition definition) {
        CheckedDefinition checked = DefinitionCheck.check(mapper, definition);
        long revision = store.nextRevision();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Optional<TypeHead> existing = store.head(type);
        if (existing.isEmpty()) {
            if (!checked.upcast().isEmpty()) {
                throw ProblemType.INVALID_EVENT_TYPE.exception(
                        "Version 1 has no previous version to upcast from; nothing was registered",
                        List.of(FieldError.pointer("/upcast", "firstVersion", "only a version 2 or later upcasts")));
            }
            TypeHead head = new TypeHead(type, checked.title(), checked.description(), 1, now, now, null, revision);
            store.insertHead(head);
            store.insertVersion(stored(type, 1, checked, now));
            return new Result(Outcome.CREATED, head);
        }
        TypeHead head = existing.get();
        if (head.deprecated()) {
            throw ProblemType.EVENT_TYPE_DEPRECATED.exception("Event type " + type + " was deprecated at "
                    + head.deprecatedAt() + "; a deprecated type stays deprecated and its name is not reused");
        }
        List<RegisteredVersion> versions = registry.versions(type, head.latestVersion());
        RegisteredVersion latest = versions.get(versions.size() - 1);
        boolean renamed =
                !head.title().equals(checked.title()) || !head.description().equals(checked.description());
        if (latest.contentHash().equals(checked.contentHash())) {
            if (!renamed) {
                return new Result(Outcome.UNCHANGED, head);
            }
            TypeHead named = new TypeHead(
                    type,
                    checked.title(),
                    checked.description(),
                    head.latestVersion(),
                    head.createdAt(),
                    now,
                    null,
                    revision);
            store.updateHead(named);
            return new Result(Outcome.RENAMED, named);
        }
        Evolution.check(versions, checked);
        int version = latest.version() + 1;
        store.insertVersion(stored(type, version, checked, now));
        TypeHead next = new TypeHead(
                type, checked.title(), checked.description(), version, head.createdAt(), now, null, revision);
        store.updateHead(next);
        return new Result(Outcome.VERSION_ADDED, next);
    }

    /** Registers a type unless it exists (in any version): how packs are loaded at start. */
    public Optional<Result> registerIfAbsent(String type, EventTypeDefinition definition) {
        if (store.head(type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(register(type, definition));
    }

    /** Deprecates a type: no new events of it; a type already deprecated is answered as it is. */
    @Transactional
    public TypeHead deprecate(String type) {
        long revision = store.nextRevision();
        TypeHead head =
                store.head(type).orElseThrow(() -> ProblemType.NOT_FOUND.exception("Unknown event type " + type));
        if (head.deprecated()) {
            return head;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        TypeHead deprecated = new TypeHead(
                type, head.title(), head.description(), head.latestVersion(), head.createdAt(), now, now, revision);
        store.updateHead(deprecated);
        return deprecated;
    }

    private static StoredVersion stored(String type, int version, CheckedDefinition d, OffsetDateTime now) {
        return new StoredVersion(type, version, d.schemaText(), d.examplesText(), d.upcastText(), d.contentHash(), now);
    }
}
