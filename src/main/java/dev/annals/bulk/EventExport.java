package dev.annals.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.TimelineEvent;
import dev.annals.query.EventFilter;
import dev.annals.query.EventPage;
import dev.annals.query.EventQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the full result of an event query as NDJSON or CSV: it walks the query's keyset pages ({@link
 * EventQuery#events}, {@code annals.bulk.export-page-size} rows a statement, each under the query statement
 * timeout, no connection or transaction held between pages) and writes each page before reading the next, so
 * memory stays at one page whatever the result. The walk has the guarantees of a cursor walk: every event that
 * matched when it started, exactly once, in the query's order.
 */
@ApplicationScoped
public class EventExport {
    private final EventQuery query;
    private final ObjectMapper mapper;
    private final int pageSize;

    public EventExport(EventQuery query, ObjectMapper mapper, BulkConfig config) {
        this.query = query;
        this.mapper = mapper;
        this.pageSize = config.exportPageSize();
    }

    /**
     * The export's answer, named {@code name} (the timeline, or "events"); the first page is read before it
     * starts, so a bad filter or an unreachable database is still a problem answer.
     */
    public Response answer(ExportFormat format, EventFilter filter, String name) {
        EventPage first = query.events(filter, null, pageSize);
        StreamingOutput body = out -> write(format, filter, first, out);
        return Response.ok(body, format.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .build();
    }

    private void write(ExportFormat format, EventFilter filter, EventPage first, OutputStream raw) throws IOException {
        OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
        if (format == ExportFormat.CSV) {
            out.write(CsvRows.header().getBytes(StandardCharsets.UTF_8));
        }
        EventPage page = first;
        while (true) {
            for (TimelineEvent event : page.items()) {
                if (format == ExportFormat.CSV) {
                    JsonNode json = mapper.valueToTree(event);
                    out.write(CsvRows.row(json).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(mapper.writeValueAsBytes(event));
                    out.write('\n');
                }
            }
            out.flush();
            if (page.nextCursor() == null) {
                break;
            }
            // a failure past this point cannot change the status any more: the connection is cut, the file short
            page = query.events(filter, page.nextCursor(), pageSize);
        }
        out.flush();
    }
}
