package se.tertial.bench;

import io.javalin.Javalin;
import se.tertial.app.ReceivedFile;
import se.tertial.app.Tertial;
import se.tertial.app.UploadService;
import se.tertial.http.HttpApi;
import se.tertial.spec.Unit;
import se.tertial.store.User;
import se.tertial.store.UploadOutcome;
import se.tertial.workbook.TemplateFiller;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upload throughput: parse + validate + store one filled Resultat workbook in-process (median), and uploads per
 * second over HTTP with two client threads. Every upload is a distinct, valid workbook, so each one creates a new
 * version with all its facts (a byte-identical upload would take the cheaper "unchanged" path).
 */
record UploadBench(Tertial app, PrintWriter out, int warmup, int count) {

    void run() throws Exception {
        User admin = app.users().authenticate(app.users().add("bench", "admin", List.of()).token()).orElseThrow();
        List<byte[]> files = workbooks(warmup + 2 * count);
        int next = 0;
        for (int i = 0; i < warmup; i++) {
            upload(admin, files.get(next++));
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] f = files.get(next++);
            long t0 = System.nanoTime();
            upload(admin, f);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        out.printf("uploads in-process (parse + validate + store one Resultat workbook, %d runs after %d warm-up): "
                + "median %.1f ms, p90 %.1f ms%n", count, warmup, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.9) - 1));
        out.flush();
        http(files.subList(next, files.size()));
    }

    private void upload(User user, byte[] bytes) {
        try (ReceivedFile f = ReceivedFile.receive("bench.xlsx", new ByteArrayInputStream(bytes), Long.MAX_VALUE >> 2)) {
            UploadService.Result r = app.uploads().upload(user, f);
            if (r.outcome() != UploadOutcome.ACCEPTED) {
                throw new IllegalStateException("bench workbook not accepted: " + r.errors() + r.warnings());
            }
        }
    }

    private void http(List<byte[]> files) throws Exception {
        String token = app.users().add("bench-http", "admin", List.of()).token();
        Javalin server = HttpApi.create(app).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/submissions");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> r = client.send(request(uri, token, files.get(i)),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
                        }
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.printf("uploads over HTTP (2 client threads, %d distinct workbooks): %.0f uploads/s (%.1f s)%n", total,
                    total / seconds, seconds);
            out.flush();
        } finally {
            pool.shutdown();
            server.stop();
        }
    }

    private static HttpRequest request(URI uri, String token, byte[] file) {
        String boundary = "tertial-bench-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** Distinct valid Resultat workbooks, round-robin over the units that report Resultat. */
    private List<byte[]> workbooks(int n) {
        List<Unit> units = app.catalog().organisation().units().stream()
                .filter(u -> u.templates().size() == 1 && u.templates().get(0).value().equals("resultat")).toList();
        List<byte[]> blanks = units.stream().map(u -> app.templates().template(u, se.tertial.spec.PeriodCode
                .parse("2022-T2"), java.util.Optional.empty(), WorkbookFormat.XLSX).bytes()).toList();
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<TemplateFiller.Entry> e = new ArrayList<>();
            String[][] values = {
                    {"INT_AVGIFTER", "12000", "11800", "18000", "18100"},
                    {"KOST_LON", "-80000.5", "-79500", "-120000", "-120400"},
                    {"KOST_LAKEMEDEL", "-9000", "-9100", "-13500", "-13400"},
                    {"KOST_OVRIGA", "-" + (500 + i % 400), "-700", "-1000", "-1000"}};
            String[] cols = {"UTFALL", "BUDGET_PERIOD", "BUDGET_AR", "PROGNOS"};
            for (String[] v : values) {
                for (int c = 0; c < cols.length; c++) {
                    e.add(new TemplateFiller.Entry("Resultat", v[0], cols[c], new BigDecimal(v[c + 1])));
                }
            }
            // −(1000 + i) kronor: unique per workbook, and far below the comment threshold.
            e.add(new TemplateFiller.Entry("Resultat", "AVSKR", "UTFALL", BigDecimal.valueOf(-(1000L + i), 3)));
            files.add(TemplateFiller.fill(blanks.get(i % blanks.size()), e));
        }
        return files;
    }
}
