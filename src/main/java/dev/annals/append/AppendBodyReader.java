package dev.annals.append;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.ProblemException;
import dev.annals.http.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads an append body with {@link AppendBodyParser}, within the {@link BodyBudget} and at most {@code
 * annals.http.max-body-bytes} (counted as read, so a chunked body is refused as soon as it passes the limit).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class AppendBodyReader implements MessageBodyReader<AppendBody> {
    private final AppendBodyParser parser;
    private final BodyBudget budget;
    private final AppendMetrics metrics;
    private final long maxBodyBytes;

    public AppendBodyReader(ObjectMapper mapper, AnnalsConfig config, BodyBudget budget, AppendMetrics metrics) {
        this.parser = new AppendBodyParser(mapper, AppendBodyParser.Limits.of(config.append()));
        this.maxBodyBytes = config.http().maxBodyBytes();
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
            InputStream limited = limited(body, headers.getFirst("Content-Length"));
            AppendBody appendBody = new AppendBody(parser.parse(lease.wrap(limited), lease::chargeTokens), lease);
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

    /** The body, refused (413) once more than max-body-bytes are read or announced. */
    private InputStream limited(InputStream body, String contentLength) {
        if (contentLength != null && contentLength.trim().matches("\\d{1,18}")) {
            long announced = Long.parseLong(contentLength.trim());
            if (announced > maxBodyBytes) {
                throw tooLarge("Content-Length is " + announced + " bytes");
            }
        }
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBodyBytes) {
                    throw tooLarge("more than " + maxBodyBytes + " bytes were sent");
                }
            }
        };
    }

    private ProblemException tooLarge(String measured) {
        return new ProblemException(RequestLimits.bodyTooLarge(maxBodyBytes, measured));
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
