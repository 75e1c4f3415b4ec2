package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.event.TimelineEvent;
import dev.annals.registry.upcast.UpcastChain;
import dev.annals.registry.upcast.UpcastFailure;
import dev.annals.registry.upcast.UpcastStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Events as the query API answers them: data upcast to the latest version of their type, with {@code typeVersion}
 * saying so and {@code writtenTypeVersion} keeping the version they were written under. The journal and the topic
 * keep the data as written; an event already at the latest version is returned as it is, and so is one whose
 * upcast data would not be valid as the latest version: an answer never claims a version its data breaks.
 */
@ApplicationScoped
public class ReadUpcasting {
    private static final Logger LOG = Logger.getLogger(ReadUpcasting.class);

    private final EventTypeRegistry registry;

    public ReadUpcasting(EventTypeRegistry registry) {
        this.registry = registry;
    }

    public TimelineEvent current(TimelineEvent written) {
        int version = written.writtenVersion();
        List<UpcastStep> steps = registry.stepsAfter(written.type(), version);
        if (steps.isEmpty()) {
            return written.typeVersion() == null ? written.asVersion(written.data(), version) : written;
        }
        int latest = steps.get(steps.size() - 1).version();
        try {
            JsonNode data = UpcastChain.apply(written.data(), steps);
            RegisteredVersion target = registry.version(written.type(), latest).orElseThrow();
            if (target.validator().validate(data).isEmpty()) {
                return written.asVersion(data, latest);
            }
            LOG.warnf(
                    "event %s stays at version %d of %s: upcast, its data is not valid as version %d",
                    written.id(), version, written.type(), latest);
        } catch (UpcastFailure e) {
            LOG.warnf(
                    e, "event %s stays at version %d of %s: the upcast failed", written.id(), version, written.type());
        }
        // registration proved the upcasts on every example; an event they still cannot take is served as written
        return written.typeVersion() == null ? written.asVersion(written.data(), version) : written;
    }
}
