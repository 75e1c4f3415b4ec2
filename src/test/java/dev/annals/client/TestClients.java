package dev.annals.client;

import dev.annals.testing.TestTokens;
import java.net.URL;
import java.time.Duration;

/** Generated clients as the tests use them: pointed at the test server, with a token holding every role. */
final class TestClients {
    private TestClients() {}

    static ApiClient withToken(URL baseUrl) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl.toString().replaceAll("/+$", ""));
        client.setReadTimeout(Duration.ofSeconds(30));
        String token = TestTokens.all();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
