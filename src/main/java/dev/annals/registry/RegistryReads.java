package dev.annals.registry;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The registry as the API reads it: straight from the database, so an answer never lags a registration. */
@ApplicationScoped
public class RegistryReads {
    private final RegistryStore store;
    private final EventTypeRegistry registry;

    public RegistryReads(RegistryStore store, EventTypeRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public EventTypeDetail detail(String type) {
        TypeHead head =
                store.head(type).orElseThrow(() -> ProblemType.NOT_FOUND.exception("Unknown event type " + type));
        return EventTypeDetail.of(head, registry.versions(type, head.latestVersion()));
    }

    /** A page by name; the cursor is the last name of the previous page (names are public, nothing to sign). */
    public EventTypeList page(String cursor, int limit) {
        String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        List<TypeHead> heads = store.page(after, limit + 1);
        boolean more = heads.size() > limit;
        List<EventTypeSummary> items =
                heads.stream().limit(limit).map(EventTypeSummary::of).toList();
        String next = more ? encode(items.get(items.size() - 1).type()) : null;
        return new EventTypeList(items, next);
    }

    private static String encode(String type) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(type.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String type = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (TypeNames.isValid(type)) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemType.INVALID_REQUEST.exception(
                "Invalid cursor", List.of(FieldError.parameter("cursor", "cursor", "not a cursor of this list")));
    }
}
