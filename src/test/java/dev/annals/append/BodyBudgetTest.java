package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.error.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Bodies take their bytes from one budget while they are handled and give them back when answered. */
class BodyBudgetTest {

    @Test
    void aBodyPastWhatIsLeftIs503AndEveryByteComesBack() throws IOException {
        BodyBudget budget = new BodyBudget(1000);
        BodyBudget.Lease first = budget.lease();
        first.wrap(new ByteArrayInputStream(new byte[600])).readAllBytes();
        assertEquals(400, budget.available());

        BodyBudget.Lease second = budget.lease();
        InputStream body = second.wrap(new ByteArrayInputStream(new byte[600]));
        ProblemException e = assertThrows(ProblemException.class, body::readAllBytes);
        assertEquals(503, e.problem().status());
        second.close();
        assertEquals(400, budget.available());

        first.close();
        first.close();
        assertEquals(1000, budget.available());
        BodyBudget.Lease third = budget.lease();
        third.wrap(new ByteArrayInputStream(new byte[1000])).readAllBytes();
        third.close();
        assertEquals(1000, budget.available());
    }
}
