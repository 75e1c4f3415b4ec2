package dev.annals.bulk;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The export formats of a query, chosen by {@code ?format=} or by {@code Accept} (JSON pages stay the default). */
public enum ExportFormat {
    NDJSON("application/x-ndjson", "ndjson"),
    CSV("text/csv", "csv");

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The export asked for: {@code format} (ndjson, csv or json) wins; else the first acceptable type in the
     * client's order of preference that Annals answers, JSON for {@code *}{@code /*}; empty means a JSON page.
     */
    public static Optional<ExportFormat> negotiate(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "ndjson" -> Optional.of(NDJSON);
                case "csv" -> Optional.of(CSV);
                case "json" -> Optional.empty();
                default -> throw BulkProblems.invalidParameter("format", "enum", "must be json, ndjson or csv");
            };
        }
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Optional.empty();
            }
            for (ExportFormat candidate : values()) {
                if (type.isCompatible(MediaType.valueOf(candidate.mediaType))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
