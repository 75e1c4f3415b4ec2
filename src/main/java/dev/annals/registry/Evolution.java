package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.registry.compat.BackwardCompatibility;
import dev.annals.registry.compat.BreakingChange;
import dev.annals.registry.upcast.UpcastChain;
import dev.annals.registry.upcast.UpcastFailure;
import dev.annals.registry.upcast.UpcastStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a definition may become the next version of a type. A backward-compatible schema may; a breaking one
 * only with an upcast. Either way every example of every earlier version, upcast to the new version, must
 * satisfy the new schema: that proves the upcast, and catches what the static rules cannot see.
 */
final class Evolution {
    private Evolution() {}

    /** Refuses with 409 naming each breaking change or failing example; {@code earlier} is oldest first. */
    static void check(List<RegisteredVersion> earlier, CheckedDefinition next) {
        RegisteredVersion previous = earlier.get(earlier.size() - 1);
        List<BreakingChange> breaking = BackwardCompatibility.check(previous.schema(), next.schema());
        if (!breaking.isEmpty() && next.upcast().isEmpty()) {
            throw ProblemType.INCOMPATIBLE_SCHEMA.exception(
                    breaking.size() + " change(s) break data of version " + previous.version()
                            + "; nothing was registered. Make the change compatible, or declare an upcast",
                    breaking.stream()
                            .map(b -> FieldError.pointer("/schema" + b.pointer(), b.rule(), b.detail()))
                            .toList());
        }
        int nextVersion = previous.version() + 1;
        String at = next.upcast().isEmpty() ? "/schema" : "/upcast";
        List<FieldError> failures = new ArrayList<>();
        int examples = 0;
        for (RegisteredVersion written : earlier) {
            List<UpcastStep> steps = new ArrayList<>();
            for (RegisteredVersion later : earlier) {
                if (later.version() > written.version()) {
                    steps.add(new UpcastStep(later.version(), later.upcast(), later.schema()));
                }
            }
            steps.add(new UpcastStep(nextVersion, next.upcast(), next.schema()));
            for (int i = 0; i < written.examples().size(); i++) {
                examples++;
                String which = "example " + i + " of version " + written.version();
                try {
                    JsonNode data = UpcastChain.apply(written.examples().get(i), steps);
                    next.validator()
                            .validate(data)
                            .forEach(e -> failures.add(FieldError.pointer(
                                    at,
                                    "upcastExample",
                                    which + " read as version " + nextVersion + ": " + e.getInstanceLocation() + " "
                                            + e.getMessage())));
                } catch (UpcastFailure e) {
                    failures.add(FieldError.pointer(at, "upcastFailed", which + ": " + e.getMessage()));
                }
            }
        }
        if (!breaking.isEmpty() && examples == 0) {
            failures.add(FieldError.pointer(
                    "/upcast",
                    "upcastUnverified",
                    "the change is not backward compatible and no earlier version has examples to prove the "
                            + "upcast with"));
        }
        if (!failures.isEmpty()) {
            throw ProblemType.INCOMPATIBLE_SCHEMA.exception(
                    "Data of earlier versions would not be readable as version " + nextVersion
                            + "; nothing was registered",
                    failures);
        }
    }
}
