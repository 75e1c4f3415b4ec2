package dev.annals.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.client.api.AppendApi;
import dev.annals.client.model.ImportResult;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated Java client imports an NDJSON file, and a second import of it adds nothing. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class GeneratedBulkClientTest {
    @TestHTTPResource("/")
    URL baseUrl;

    @Test
    void importsAFileIdempotently() throws Exception {
        String timeline = Fixtures.timeline("client-import");
        String file = String.join(
                        "\n",
                        Fixtures.statements("Imported", 3).stream()
                                .map(Fixtures::json)
                                .toList()) + "\n{\"type\":\"statement-issued\"}\n";
        AppendApi append = new AppendApi(TestClients.withToken(baseUrl));
        ImportResult first = append.importEvents(timeline, file, null, null, null);
        assertEquals(
                List.of(4L, 3L, 0L, 1L),
                List.of(first.getLines(), first.getAppended(), first.getAlreadyPresent(), first.getRejected()));
        assertEquals(4L, first.getErrors().get(0).getLine());
        ImportResult again = append.importEvents(timeline, file, null, null, null);
        assertEquals(List.of(0L, 3L), List.of(again.getAppended(), again.getAlreadyPresent()));
    }
}
