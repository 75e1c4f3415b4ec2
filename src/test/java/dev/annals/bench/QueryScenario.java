package dev.annals.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.facet.FacetKind;
import dev.annals.facet.FacetSql;
import dev.annals.facet.Interval;
import dev.annals.query.QuerySql;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Scenario 4: every query kind with a selective and a broad value, app over HTTP beside the same SQL over JDBC. */
final class QueryScenario {

    /** One query: its URL path and the SQL the app runs for it. */
    record Spec(String name, String variant, String path, QuerySql.Statement sql) {}

    /** App and raw SQL latency of one query. */
    record Row(Spec spec, Latency app, Latency raw, long rows, long errors, String firstError) {
        double ratio() {
            return app.p99() / raw.p99();
        }
    }

    private final BenchConfig config;
    private final Infra infra;
    private final String baseUrl;
    private final ObjectMapper mapper = new ObjectMapper();

    QueryScenario(BenchConfig config, Infra infra, String baseUrl) {
        this.config = config;
        this.infra = infra;
        this.baseUrl = baseUrl;
    }

    List<Spec> specs(DataGenerator d) throws Exception {
        RawSql.Filter none = RawSql.Filter.none();
        List<Spec> s = new ArrayList<>();
        String bigT = DataGenerator.most(d.timelineCounts);
        String smallT = DataGenerator.least(d.timelineCounts);
        s.add(new Spec(
                "one timeline's page",
                "selective: " + smallT,
                "/v1/timelines/" + smallT + "/events",
                RawSql.events(
                        f(List.of(smallT), List.of(), List.of(), List.of(), List.of(), null, null, null), 50, null)));
        s.add(new Spec(
                "one timeline's page",
                "broad: " + bigT,
                "/v1/timelines/" + bigT + "/events",
                RawSql.events(
                        f(List.of(bigT), List.of(), List.of(), List.of(), List.of(), null, null, null), 50, null)));
        for (String[] v : pairs("type", d.typeCounts)) {
            s.add(new Spec(
                    "type=",
                    v[0] + ": " + v[1],
                    "/v1/events?type=" + enc(v[1]),
                    RawSql.events(
                            f(List.of(), List.of(v[1]), List.of(), List.of(), List.of(), null, null, null), 50, null)));
        }
        for (String[] v : pairs("actor", d.actorCounts)) {
            s.add(new Spec(
                    "actor=",
                    v[0] + ": " + v[1],
                    "/v1/events?actor=" + enc(v[1]),
                    RawSql.events(
                            f(List.of(), List.of(), List.of(v[1]), List.of(), List.of(), null, null, null), 50, null)));
        }
        for (String[] v : pairs("tag", d.tagCounts)) {
            s.add(new Spec(
                    "tag=",
                    v[0] + ": " + v[1],
                    "/v1/events?tag=" + enc(v[1]),
                    RawSql.events(
                            f(List.of(), List.of(), List.of(), List.of(v[1]), List.of(), null, null, null), 50, null)));
        }
        for (String[] v : pairs("source", d.publisherCounts)) {
            s.add(new Spec(
                    "source=",
                    v[0] + ": " + v[1],
                    "/v1/events?source=" + enc(v[1]),
                    RawSql.events(
                            f(List.of(), List.of(), List.of(), List.of(), List.of(v[1]), null, null, null), 50, null)));
        }
        s.add(window("selective: one day", "2021-06-15T00:00:00Z", "2021-06-16T00:00:00Z", List.of(), List.of()));
        s.add(window("broad: one year", "2019-01-01T00:00:00Z", "2020-01-01T00:00:00Z", List.of(), List.of()));
        for (String[] v : new String[][] {{"selective", Vocabulary.RARE_WORD}, {"broad", Vocabulary.COMMON_WORD}}) {
            s.add(new Spec(
                    "q=",
                    v[0] + ": " + v[1],
                    "/v1/events?q=" + enc(v[1]),
                    RawSql.events(
                            f(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, v[1]), 50, null)));
        }
        String topActor = DataGenerator.most(d.actorCounts);
        s.add(window(
                "selective: " + DataGenerator.least(d.typeCounts) + " + " + topActor + " + 2020",
                "2020-01-01T00:00:00Z",
                "2021-01-01T00:00:00Z",
                List.of(DataGenerator.least(d.typeCounts)),
                List.of(topActor)));
        s.add(window(
                "broad: " + DataGenerator.most(d.typeCounts) + " + " + topActor + " + 2017-2021",
                "2017-01-01T00:00:00Z",
                "2022-01-01T00:00:00Z",
                List.of(DataGenerator.most(d.typeCounts)),
                List.of(topActor)));
        int page = (int) Math.max(2, Math.min(1000, d.events / 50 / 2));
        s.add(new Spec("cursor walk, limit=50", "page 1", "/v1/events?limit=50", RawSql.events(none, 50, null)));
        s.add(cursorPage(page));
        s.add(new Spec(
                "/v1/actors",
                "selective: timeline " + smallT,
                "/v1/actors?timeline=" + smallT,
                RawSql.actors(f(List.of(smallT), List.of(), List.of(), List.of(), List.of(), null, null, null), 50)));
        s.add(new Spec("/v1/actors", "broad: all events", "/v1/actors", RawSql.actors(none, 50)));
        s.addAll(asOf(bigT));
        s.addAll(facets(d, bigT, smallT));
        s.add(new Spec("/v1/timelines", "first page, limit=50", "/v1/timelines", RawSql.timelines(50)));
        s.add(new Spec("/v1/timelines", "first page, limit=500", "/v1/timelines?limit=500", RawSql.timelines(500)));
        return s;
    }

    /** Facets and histograms: of every event (maintained counts), of one timeline, and within a filter. */
    private static List<Spec> facets(DataGenerator d, String bigT, String smallT) {
        List<FacetKind> all = List.of(FacetKind.values());
        String rareActor = DataGenerator.least(d.actorCounts);
        return List.of(
                new Spec(
                        "/v1/events/facets",
                        "all events, 5 facets (maintained)",
                        "/v1/events/facets",
                        FacetSql.maintained(all, 10, true)),
                new Spec(
                        "/v1/events/facets",
                        "all events, histogram by month (maintained)",
                        "/v1/events/facets?facet=type&interval=month&tz=Europe%2FBerlin",
                        FacetSql.histogram(Interval.MONTH, "Europe/Berlin", 20_001)),
                new Spec(
                        "/v1/events/facets",
                        "all events, histogram by day (maintained)",
                        "/v1/events/facets?facet=type&interval=day",
                        FacetSql.histogram(Interval.DAY, "UTC", 20_001)),
                counted(
                        "broad: timeline " + bigT,
                        "timeline=" + bigT,
                        f(List.of(bigT), List.of(), List.of(), List.of(), List.of(), null, null, null)),
                counted(
                        "selective: timeline " + smallT,
                        "timeline=" + smallT,
                        f(List.of(smallT), List.of(), List.of(), List.of(), List.of(), null, null, null)),
                counted(
                        "selective: actor " + rareActor,
                        "actor=" + enc(rareActor),
                        f(List.of(), List.of(), List.of(rareActor), List.of(), List.of(), null, null, null)));
    }

    /** The five facets within a filter, counted: the app's request and the very statement it runs. */
    private static Spec counted(String variant, String query, RawSql.Filter filter) {
        return new Spec(
                "/v1/events/facets",
                variant + ", 5 facets",
                "/v1/events/facets?" + query,
                FacetSql.counted(filter.toEventFilter(), List.of(FacetKind.values()), 10, true));
    }

    /** asOf now and in the middle of the load, across timelines and for the biggest one. */
    private List<Spec> asOf(String timeline) throws Exception {
        OffsetDateTime first;
        OffsetDateTime last;
        try (var c = infra.connect();
                var st = c.prepareStatement("select min(recorded_at), max(recorded_at) from read_event");
                var rs = st.executeQuery()) {
            rs.next();
            first = rs.getObject(1, OffsetDateTime.class);
            last = rs.getObject(2, OffsetDateTime.class);
        }
        OffsetDateTime now = last.plusSeconds(1);
        OffsetDateTime mid = first.plus(Duration.between(first, last).dividedBy(2));
        RawSql.Filter none = RawSql.Filter.none();
        RawSql.Filter one = f(List.of(timeline), List.of(), List.of(), List.of(), List.of(), null, null, null);
        return List.of(
                new Spec(
                        "asOf",
                        "now, all events",
                        "/v1/events?asOf=" + enc(now.toString()),
                        RawSql.eventsAsOf(none, now, 50)),
                new Spec(
                        "asOf",
                        "mid-load, all events",
                        "/v1/events?asOf=" + enc(mid.toString()),
                        RawSql.eventsAsOf(none, mid, 50)),
                new Spec(
                        "asOf",
                        "mid-load, timeline " + timeline,
                        "/v1/timelines/" + timeline + "/events?asOf=" + enc(mid.toString()),
                        RawSql.eventsAsOf(one, mid, 50)));
    }

    private Spec cursorPage(int page) throws Exception {
        String cursor = null;
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int p = 1; p < page; p++) {
            String path = "/v1/events?limit=50" + (cursor == null ? "" : "&cursor=" + enc(cursor));
            HttpResponse<String> res = client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", BenchAuth.BEARER)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("cursor walk page " + p + ": HTTP " + res.statusCode());
            }
            cursor = mapper.readTree(res.body()).path("nextCursor").asText(null);
            if (cursor == null) {
                throw new IllegalStateException("cursor walk ended at page " + p);
            }
        }
        Object[] key;
        String at = RawSql.positionAt((long) (page - 1) * 50 - 1);
        try (var c = infra.connect();
                var st = c.prepareStatement(at);
                var rs = st.executeQuery()) {
            rs.next();
            key = new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getLong(3)};
        }
        return new Spec(
                "cursor walk, limit=50",
                "page " + page + " (stored cursor)",
                "/v1/events?limit=50&cursor=" + enc(cursor),
                RawSql.events(RawSql.Filter.none(), 50, key));
    }

    List<Row> run(List<Spec> specs) throws Exception {
        List<Row> rows = new ArrayList<>();
        QueryLoad load = new QueryLoad(infra, baseUrl, config.queryClients());
        for (Spec spec : specs) {
            QueryLoad.Outcome app = load.http(spec.path(), config.queryRequests(), config.queryMaxSeconds());
            QueryLoad.Outcome raw = load.jdbc(spec.sql(), config.queryRequests(), config.queryMaxSeconds());
            Row row = new Row(
                    spec,
                    app.latency(),
                    raw.latency(),
                    raw.rows(),
                    app.errors() + raw.errors(),
                    app.firstError() != null ? app.firstError() : raw.firstError());
            BenchRunner.log(String.format(
                    "query %-22s %-45s app p99 %s ms, raw p99 %s ms (%d rows)",
                    spec.name(),
                    spec.variant(),
                    Report.ms(app.latency().p99()),
                    Report.ms(raw.latency().p99()),
                    raw.rows()));
            rows.add(row);
        }
        return rows;
    }

    private static Spec window(String variant, String from, String to, List<String> types, List<String> actors) {
        StringBuilder path = new StringBuilder("/v1/events?from=" + enc(from) + "&to=" + enc(to));
        types.forEach(t -> path.append("&type=").append(enc(t)));
        actors.forEach(a -> path.append("&actor=").append(enc(a)));
        return new Spec(
                types.isEmpty() ? "from/to window" : "type+actor+window",
                variant,
                path.toString(),
                RawSql.events(
                        f(
                                List.of(),
                                types,
                                actors,
                                List.of(),
                                List.of(),
                                OffsetDateTime.parse(from),
                                OffsetDateTime.parse(to),
                                null),
                        50,
                        null));
    }

    private static RawSql.Filter f(
            List<String> t,
            List<String> ty,
            List<String> a,
            List<String> tag,
            List<String> src,
            OffsetDateTime from,
            OffsetDateTime to,
            String q) {
        return new RawSql.Filter(t, ty, a, tag, src, from, to, q);
    }

    private static String[][] pairs(String what, java.util.Map<String, Integer> counts) {
        String least = DataGenerator.least(counts);
        String most = DataGenerator.most(counts);
        return new String[][] {
            {"selective (" + counts.get(least) + " events)", least}, {"broad (" + counts.get(most) + " events)", most}
        };
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
