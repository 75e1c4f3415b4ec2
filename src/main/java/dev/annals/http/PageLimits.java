package dev.annals.http;

import dev.annals.config.AnnalsConfig;
import dev.annals.journal.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one {@code limit} policy of every paged list: absent or blank is {@code annals.query.default-limit}, else a
 * whole number from 1 to {@code annals.query.max-limit} (400 naming the parameter otherwise).
 */
@ApplicationScoped
public class PageLimits {
    private final int defaultLimit;
    private final int maxLimit;

    public PageLimits(AnnalsConfig config) {
        this.defaultLimit = config.query().defaultLimit();
        this.maxLimit = config.query().maxLimit();
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalStateException("annals.query.default-limit must lie between 1 and annals.query.max-limit ("
                    + maxLimit + "), not " + defaultLimit);
        }
    }

    /** The page size a request asks for. */
    public int of(String raw) {
        return raw == null || raw.isBlank() ? defaultLimit : (int) QueryParams.positiveLong("limit", raw, maxLimit);
    }
}
