package dev.annals.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteScopeTest {

    @Test
    void noClaimAllowsEverything() {
        assertTrue(WriteScopeFilter.scopeOf(null).allows("any-timeline"));
    }

    @Test
    void exactIdsAndPrefixes() {
        WriteScope scope = WriteScopeFilter.scopeOf(List.of("court-*", "election-2026"));
        assertTrue(scope.allows("court-case-7"));
        assertTrue(scope.allows("election-2026"));
        assertFalse(scope.allows("election-2026-runoff"));
        assertFalse(scope.allows("recall"));
    }

    @Test
    void aSingleStringIsAListOfOne() {
        assertTrue(WriteScopeFilter.scopeOf("recall-*").allows("recall-1"));
        assertFalse(WriteScopeFilter.scopeOf("recall-*").allows("court-1"));
    }

    @Test
    void anEmptyListOrAnotherTypeAllowsNothing() {
        assertFalse(WriteScopeFilter.scopeOf(List.of()).allows("recall"));
        assertFalse(WriteScopeFilter.scopeOf(42).allows("recall"));
    }

    @Test
    void aLoneStarAllowsEverything() {
        assertTrue(WriteScopeFilter.scopeOf(List.of("*")).allows("recall"));
    }
}
