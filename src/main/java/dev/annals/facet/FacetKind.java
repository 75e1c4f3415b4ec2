package dev.annals.facet;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.annals.query.EventFilter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What events are counted by: one value per event (type) or any number (actors, tags, publishers, reliabilities). */
@Schema(name = "FacetKind", description = "A facet events are counted by.")
public enum FacetKind {
    TYPE("e.event_type", "m e"),
    ACTOR("v", "m e, unnest(e.actor_ids) v"),
    TAG("v", "m e, unnest(e.tags) v"),
    PUBLISHER("v", "m e, unnest(e.publishers) v"),
    RELIABILITY("v", "m e, unnest(e.reliabilities) v");

    /** The SQL of the facet's value, over {@link #rows}. */
    final String value;

    /** The SQL of the rows of the matching events {@code m}, one per value. */
    final String rows;

    FacetKind(String value, String rows) {
        this.value = value;
        this.rows = rows;
    }

    /** Its name in the API and in {@code read_facet}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FacetKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The filter its counts answer: the request's without its own filter, so that choosing a type still shows
     * how many events the other types have.
     */
    EventFilter relax(EventFilter f) {
        return FacetFilters.without(this, f);
    }
}
