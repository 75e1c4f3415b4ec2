package dev.annals.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.config.AnnalsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionPrerequisitesTest {

    @Test
    void theDefaultCursorSecretAndAMissingKeyEachStopAStart() {
        List<String> missing = ProductionPrerequisites.missing(AnnalsConfig.Query.DEFAULT_CURSOR_SECRET, false);
        assertEquals(2, missing.size());
        assertTrue(missing.get(0).contains("ANNALS_QUERY_CURSOR_SECRET"));
        assertTrue(missing.get(1).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertEquals(1, ProductionPrerequisites.missing("short", true).size());
    }

    @Test
    void aLongSecretAndAKeyMayStart() {
        assertTrue(ProductionPrerequisites.missing("x".repeat(32), true).isEmpty());
    }
}
