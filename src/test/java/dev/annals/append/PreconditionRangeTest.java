package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The version range handed to the database must accept exactly the versions {@link Precondition#violation} does. */
class PreconditionRangeTest {

    @Test
    void rangeAgreesWithTheRule() {
        Precondition[] conditions = {
            Precondition.NONE,
            Precondition.parse("*", null),
            Precondition.parse(null, "*"),
            Precondition.parse("\"0\"", null),
            Precondition.parse("\"7\"", null),
            Precondition.parse("12", null)
        };
        for (Precondition condition : conditions) {
            for (long version = 0; version <= 20; version++) {
                boolean inRange = version >= condition.minVersion() && version <= condition.maxVersion();
                assertEquals(condition.violation(version) == null, inRange, condition + " at version " + version);
            }
        }
    }
}
