package dev.annals.append;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Reads an append body with {@link AppendBodyParser}, within the {@link BodyBudget}. */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class AppendBodyReader implements MessageBodyReader<AppendBody> {
    private final AppendBodyParser parser;
    private final BodyBudget budget;
    private final AppendMetrics metrics;

    public AppendBodyReader(ObjectMapper mapper, AnnalsConfig config, BodyBudget budget, AppendMetrics metrics) {
        this.parser = new AppendBodyParser(mapper, AppendBodyParser.Limits.of(config.append()));
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == AppendBody.class;
    }

    @Override
    public AppendBody readFrom(
            Class<AppendBody> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        BodyBudget.Lease lease = budget.lease();
        boolean parsed = false;
        try {
            AppendBody appendBody = new AppendBody(parser.parse(lease.wrap(body), lease::chargeTokens), lease);
            parsed = true;
            return appendBody;
        } catch (ProblemException e) {
            // refused while parsing, before the append is run: counted here, with the same outcome and reason
            metrics.refused(e);
            discardRest(body);
            throw e;
        } catch (RuntimeException | IOException e) {
            discardRest(body);
            throw e;
        } finally {
            if (!parsed) {
                // an Error (StackOverflowError, OutOfMemoryError) must not keep its bytes out of the budget for ever
                lease.close();
            }
        }
    }

    /** The client reads its answer once it has sent the body: the rest is read, not kept (at most max-body-size). */
    private static void discardRest(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }
}
