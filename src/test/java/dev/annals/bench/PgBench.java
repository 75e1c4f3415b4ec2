package dev.annals.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw PostgreSQL baseline with {@code pgbench}: INSERTs of ~1 KiB rows into a table shaped like the journal
 * ({@code uuid} primary key, {@code text} payload), one row or 100 rows per transaction, prepared statements.
 */
final class PgBench {
    static final String TABLE = "bench_pgbench_row";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** One pgbench run. */
    record Result(int clients, int rowsPerTx, double tps, double latencyMs, String command) {
        double rowsPerSecond() {
            return tps * rowsPerTx;
        }
    }

    private final BenchConfig config;
    private final Infra infra;
    private final Path dir;

    PgBench(BenchConfig config, Infra infra) {
        this.config = config;
        this.infra = infra;
        this.dir = config.workDir().resolve("pgbench");
    }

    static String version() {
        return Shell.output(List.of("pgbench", "--version")).trim();
    }

    /** Runs the single-row and the 100-row script at every client count. */
    List<Result> runAll() throws Exception {
        Files.createDirectories(dir);
        String payload = payload().replace("'", "''");
        Path single = dir.resolve("insert-1.sql");
        Files.writeString(
                single,
                "insert into " + TABLE + " (id, payload) values (gen_random_uuid(), '" + payload + "');\n",
                StandardCharsets.UTF_8);
        Path hundred = dir.resolve("insert-100.sql");
        Files.writeString(
                hundred,
                "insert into " + TABLE + " (id, payload) select gen_random_uuid(), '" + payload
                        + "' from generate_series(1, 100);\n",
                StandardCharsets.UTF_8);
        sql("create table if not exists " + TABLE + " (id uuid primary key, payload text not null)");
        List<Result> results = new ArrayList<>();
        try {
            for (int rows : List.of(1, 100)) {
                for (int clients : config.connections()) {
                    results.add(run(rows == 1 ? single : hundred, rows, clients));
                }
            }
        } finally {
            sql("drop table if exists " + TABLE);
        }
        return results;
    }

    private Result run(Path script, int rows, int clients) throws Exception {
        sql("truncate " + TABLE);
        sql("checkpoint");
        URI uri = URI.create(infra.jdbcUrl().substring("jdbc:".length()));
        String db = uri.getPath().substring(1);
        List<String> cmd = List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(2, clients)),
                "-T",
                Integer.toString(config.pgbenchSeconds()),
                "-f",
                script.toString(),
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U",
                infra.jdbcUser(),
                db);
        BenchRunner.log("pgbench " + rows + "-row insert, " + clients + " clients, " + config.pgbenchSeconds() + " s");
        String out = Shell.run(
                cmd,
                java.util.Map.of("PGPASSWORD", infra.jdbcPassword()),
                dir.resolve("pgbench-" + rows + "-" + clients + ".log"));
        Matcher tps = TPS.matcher(out);
        Matcher lat = LATENCY.matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        double latency = lat.find() ? Double.parseDouble(lat.group(1)) : Double.NaN;
        Result r = new Result(
                clients,
                rows,
                Double.parseDouble(tps.group(1)),
                latency,
                String.join(" ", cmd.subList(0, cmd.indexOf("-f") + 1)) + " " + script.getFileName());
        BenchRunner.log(String.format("  %.0f tx/s, %.0f rows/s", r.tps(), r.rowsPerSecond()));
        return r;
    }

    private void sql(String statement) throws Exception {
        try (Connection c = infra.connect();
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /** ~1 KiB of event-like JSON text. */
    static String payload() {
        StringBuilder sb = new StringBuilder("{\"type\":\"statement-issued\",\"title\":\"Ministry spokesperson "
                + "rejects the revised terms\",\"summary\":\"");
        String words = "officials said the negotiations would continue next week while both sides reviewed the "
                + "draft agreement and its annexes ";
        while (sb.length() < 1000) {
            sb.append(words);
        }
        sb.setLength(1000);
        return sb.append("\"}").toString();
    }

    static double perClients(List<Result> results, int rows, int clients) {
        return results.stream()
                .filter(r -> r.rowsPerTx() == rows && r.clients() == clients)
                .mapToDouble(Result::rowsPerSecond)
                .findFirst()
                .orElse(Double.NaN);
    }
}
