package se.tertial.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.javalin.Javalin;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;
import se.tertial.spec.PeriodCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The OData feed as Excel reads it: a synthetic region of 500 units with a version of every unit stored for a
 * period, then the whole {@code Fakta} set paged through over HTTP as Power Query does (Basic key, following each
 * next link, the JSON parsed as it streams in), median of warm runs; and the heap in use sampled while it runs,
 * against the heap after the store was loaded — flat when the feed holds a page, not the set.
 */
record FeedBench(Path templates, PrintWriter out, int warmup, int runs) {

    void run(String store, Function<Path, Tertial> open) throws Exception {
        try (SyntheticRegion big = SyntheticRegion.of(templates, 500); Tertial app = open.apply(big.dir())) {
            long facts = ReportBench.storeVersions(app, List.of(PeriodCode.parse("2022-T2")));
            String key = app.users().add("bench.ekonomi", "finance", List.of()).token();
            Javalin server = HttpApi.create(app, new se.tertial.feed.FeedHttp(app)).start("127.0.0.1", 0);
            try {
                String root = "http://127.0.0.1:" + server.port() + "/odata/";
                HttpClient client = HttpClient.newHttpClient();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                List<Double> seconds = new ArrayList<>();
                long rows = 0;
                int pages = 0;
                long peak = 0;
                long base = 0;
                for (int i = 0; i < warmup + runs; i++) {
                    System.gc();
                    base = memory.getHeapMemoryUsage().getUsed();
                    Sampler sampler = new Sampler(memory);
                    sampler.start();
                    long t0 = System.nanoTime();
                    long[] counted = readAll(client, root + "Fakta", key);
                    long t1 = System.nanoTime();
                    sampler.interrupt();
                    sampler.join();
                    if (counted[0] != facts) {
                        throw new IllegalStateException("the feed gave " + counted[0] + " rows of " + facts);
                    }
                    rows = counted[0];
                    pages = (int) counted[1];
                    if (i >= warmup) {
                        seconds.add((t1 - t0) / 1e9);
                        peak = Math.max(peak, sampler.peak - base);
                    }
                }
                Collections.sort(seconds);
                out.printf("feed Fakta, 500 units from %-10s %,7d rows in %d pages: median %.2f s (%.0f rows/s), "
                        + "heap in use above the loaded store at most %,d MB%n", store, rows, pages,
                        seconds.get(seconds.size() / 2), rows / seconds.get(seconds.size() / 2), peak >> 20);
                out.flush();
            } finally {
                server.stop();
            }
        }
    }

    /** Rows and pages read, following next links; the JSON is parsed as it arrives. */
    private static long[] readAll(HttpClient client, String first, String key) throws IOException,
            InterruptedException {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("excel:" + key).getBytes(StandardCharsets.UTF_8));
        String next = first;
        long rows = 0;
        long pages = 0;
        JsonFactory json = new JsonFactory();
        while (next != null) {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(next)).header("Authorization",
                    auth).header("OData-MaxVersion", "4.0").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("feed answered " + r.statusCode());
            }
            next = null;
            try (InputStream in = r.body(); JsonParser p = json.createParser(in)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("value")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            p.skipChildren();
                            rows++;
                        }
                    } else if (field.equals("@odata.nextLink")) {
                        next = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            pages++;
        }
        return new long[] {rows, pages};
    }

    /** The largest heap in use seen every 5 ms while the feed is read. */
    private static final class Sampler extends Thread {
        private final MemoryMXBean memory;
        volatile long peak;

        Sampler(MemoryMXBean memory) {
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
