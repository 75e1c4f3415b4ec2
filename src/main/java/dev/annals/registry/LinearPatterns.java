package dev.annals.registry;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.Optional;

/**
 * The {@code pattern}s of registered schemas, run by RE2 (re2j): matching takes time linear in the input, so a
 * pattern an admin registers can never make an append or the projector backtrack for ever. RE2 has no lookaround
 * and no backreferences; a pattern that needs them is refused at registration.
 */
final class LinearPatterns implements RegularExpressionFactory {
    static final LinearPatterns INSTANCE = new LinearPatterns();

    private LinearPatterns() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(translate(regex));
        return value -> pattern.matcher(value).find();
    }

    /** Why RE2 cannot run the pattern, or empty when it can. */
    static Optional<String> unsupported(String regex) {
        try {
            Pattern.compile(translate(regex));
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
    }

    /** ECMA-262's {@code $} and long-form properties, as networknt translates them for the JDK engine. */
    private static String translate(String regex) {
        return RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(regex));
    }
}
