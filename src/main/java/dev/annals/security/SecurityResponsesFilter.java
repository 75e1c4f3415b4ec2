package dev.annals.security;

import dev.annals.error.ProblemResponsesFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents each secured operation's role in its description and its 401 and 403 answers as problem+json (the
 * bearer requirement itself, with the role as its scope, is added by Quarkus from {@code @RolesAllowed}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecurityResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        List<String> roles = operation.getSecurity() == null
                ? List.of()
                : operation.getSecurity().stream()
                        .map(SecurityRequirement::getSchemes)
                        .filter(Objects::nonNull)
                        .flatMap(schemes -> schemes.values().stream())
                        .flatMap(List::stream)
                        .distinct()
                        .toList();
        if (roles.isEmpty() || operation.getResponses() == null) {
            return operation;
        }
        String role = String.join(" or ", roles);
        String needs = "Needs a bearer token with role " + role
                + (Roles.READER.equals(role) ? " (writers and admins are readers too)." : ".");
        operation.setDescription(
                operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
        operation
                .getResponses()
                .addAPIResponse(
                        "401",
                        ProblemResponsesFilter.problem(
                                "No bearer token, or one that is not valid (unreadable, not signed by a trusted key,"
                                        + " expired, another issuer); carries WWW-Authenticate: Bearer."));
        operation
                .getResponses()
                .addAPIResponse(
                        "403",
                        ProblemResponsesFilter.problem("The token's groups lack role " + role
                                + (Roles.WRITER.equals(role)
                                        ? ", or the timeline is outside the token's write scope."
                                        : ".")));
        return operation;
    }
}
