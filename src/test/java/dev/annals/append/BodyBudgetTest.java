package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /** A few hundred KB of tiny nodes builds trees many times their text: the tokens are charged as they are read. */
    @Test
    void treesOfTinyNodesAreChargedByTheirTokensWhileTheyAreBuilt() throws IOException {
        StringBuilder json = new StringBuilder("[{\"data\":{\"x\":[");
        for (int i = 0; i < 100_000; i++) {
            json.append(i == 0 ? "{}" : ",{}");
        }
        json.append("]}}]");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        AppendBodyParser parser = new AppendBodyParser(
                new ObjectMapper(), new AppendBodyParser.Limits(1000, 262144, 64, 262144, 100, 1000, 1_000_000));

        BodyBudget roomy = new BodyBudget(64L * 1024 * 1024);
        BodyBudget.Lease lease = roomy.lease();
        parser.parse(lease.wrap(new ByteArrayInputStream(body)), lease::chargeTokens);
        long charged = roomy.total() - roomy.available();
        assertTrue(charged > 100_000L * 2 * BodyBudget.BYTES_PER_TOKEN / 2, "tokens charged: " + charged);
        lease.close();
        assertEquals(roomy.total(), roomy.available());

        BodyBudget busy = new BodyBudget(32L * 1024 * 1024);
        BodyBudget.Lease other = busy.lease();
        other.wrap(new ByteArrayInputStream(new byte[20 * 1024 * 1024])).readAllBytes();
        BodyBudget.Lease late = busy.lease();
        ProblemException unavailable = assertThrows(
                ProblemException.class,
                () -> parser.parse(late.wrap(new ByteArrayInputStream(body)), late::chargeTokens));
        assertEquals(503, unavailable.problem().status());
        late.close();
        other.close();
        assertEquals(busy.total(), busy.available());

        BodyBudget small = new BodyBudget(4L * 1024 * 1024);
        BodyBudget.Lease alone = small.lease();
        ProblemException tooLarge = assertThrows(
                ProblemException.class,
                () -> parser.parse(alone.wrap(new ByteArrayInputStream(body)), alone::chargeTokens));
        assertEquals(413, tooLarge.problem().status());
        alone.close();
        assertEquals(small.total(), small.available());
    }
}
