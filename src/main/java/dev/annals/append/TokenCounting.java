package dev.annals.append;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.function.IntConsumer;

/** A parser that reports the tokens it reads in chunks, so a body's JSON trees can be charged as they grow. */
final class TokenCounting extends JsonParserDelegate {
    static final int CHUNK = 256;

    private final IntConsumer onTokens;
    private int pending;

    TokenCounting(JsonParser parser, IntConsumer onTokens) {
        super(parser);
        this.onTokens = onTokens;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null && ++pending == CHUNK) {
            pending = 0;
            onTokens.accept(CHUNK);
        }
        return token;
    }
}
