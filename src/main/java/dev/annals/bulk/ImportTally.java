package dev.annals.bulk;

import dev.annals.append.AppendResult;
import dev.annals.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The running counts of an import and the first errors, capped at {@code annals.bulk.max-reported-errors}. */
final class ImportTally {
    private final int maxErrors;
    private final List<ImportResult.ImportError> errors = new ArrayList<>();
    private boolean truncated;
    long lines;
    long appended;
    long alreadyPresent;
    long rejected;

    ImportTally(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Line {@code line} is skipped for {@code reasons}. */
    void reject(long line, List<FieldError> reasons) {
        rejected++;
        for (FieldError reason : reasons) {
            if (errors.size() == maxErrors) {
                truncated = true;
                return;
            }
            errors.add(new ImportResult.ImportError(
                    line, reason.pointer() == null ? "" : reason.pointer(), reason.rule(), reason.detail()));
        }
    }

    void reject(long line, String pointer, String rule, String detail) {
        reject(line, List.of(FieldError.pointer(pointer, rule, detail)));
    }

    ImportResult result(String timelineId, OptionalLong version) {
        List<ImportResult.ImportError> ordered = new ArrayList<>(errors);
        ordered.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(
                timelineId,
                lines,
                appended,
                alreadyPresent,
                rejected,
                ordered,
                truncated ? Boolean.TRUE : null,
                version.isPresent() ? version.getAsLong() : null,
                version.isPresent() ? AppendResult.position(timelineId, version.getAsLong()) : null);
    }
}
