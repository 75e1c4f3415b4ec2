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
 * keep the data as written; an event already at the latest version is returned as it is.
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
        try {
            JsonNode data = UpcastChain.apply(written.data(), steps);
            return written.asVersion(data, steps.get(steps.size() - 1).version());
        } catch (UpcastFailure e) {
            // registration proved the upcast on every example; an event it still cannot take is served as written
            LOG.warnf(
                    e, "event %s stays at version %d of %s: the upcast failed", written.id(), version, written.type());
            return written.typeVersion() == null ? written.asVersion(written.data(), version) : written;
        }
    }
}
