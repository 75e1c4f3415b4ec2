package dev.annals.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Answers to possibly authenticated requests are never storable by a shared cache; stricter rules stay. */
class CacheControlsTest {
    @Test
    void absentBecomesPrivate() {
        assertEquals("private", CacheControls.privateOf(null));
        assertEquals("private", CacheControls.privateOf(" "));
    }

    @Test
    void stricterOrAlreadyPrivateStaysAsItIs() {
        assertEquals("no-store", CacheControls.privateOf("no-store"));
        assertEquals("no-cache, no-store", CacheControls.privateOf("no-cache, no-store"));
        assertEquals("private, max-age=60", CacheControls.privateOf("private, max-age=60"));
    }

    @Test
    void sharedCachingBecomesPrivateKeepingTheRest() {
        assertEquals("private, max-age=3600", CacheControls.privateOf("max-age=3600"));
        assertEquals("private, max-age=3600", CacheControls.privateOf("public, max-age=3600"));
        assertEquals("private", CacheControls.privateOf("public"));
    }
}
