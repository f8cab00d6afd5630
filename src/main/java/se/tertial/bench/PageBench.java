package se.tertial.bench;

import io.javalin.Javalin;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.UnitCode;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The pages finance waits for, for a region of 500 units with a version of every unit stored for the tertial and
 * the same period a year earlier: the report, a nämnd's drill-down, a unit's review page and the status board,
 * requested over HTTP on loopback with a signed-in finance session, as a browser asks for them. The time is the
 * request's whole round trip (on loopback, server time plus well under a millisecond); median and p90 of warm runs.
 */
record PageBench(Path templates, PrintWriter out, int warmup, int runs) {

    void run(String store, Function<Path, Tertial> open) throws Exception {
        try (SyntheticRegion big = SyntheticRegion.of(templates, 500); Tertial app = open.apply(big.dir())) {
            long facts = ReportBench.storeVersions(app, List.of(PeriodCode.parse("2021-T2"),
                    PeriodCode.parse("2022-T2")));
            var user = app.users().add("bench.ekonomi", "finance", List.of()).user();
            String first = app.auth().setOneTimePassword(user);
            String password = "ett långt lösenord för bänken";
            app.auth().login(user.name(), first, "127.0.0.1");
            String session = app.auth().changePassword(app.users().require(user.name()), first, password,
                    password).sessionId();
            Javalin server = HttpApi.create(app, new se.tertial.web.WebApp(app)).start("127.0.0.1", 0);
            try {
                String root = "http://127.0.0.1:" + server.port();
                HttpClient client = HttpClient.newHttpClient();
                UnitCode unit = app.catalog().organisation().units().get(7).code();
                String namnd = app.catalog().organisation().units().get(7).namnd().value();
                out.printf("pages (%s): 500 units, %,d facts; %d warm-up + %d measured requests each, signed in as "
                        + "finance%n", store, facts, warmup, runs);
                for (String[] page : new String[][] {{"report page", "/rapport/2022-T2"},
                        {"nämnd drill-down", "/rapport/2022-T2/namnd/" + namnd},
                        {"unit review page", "/enheter/" + unit.value() + "/2022-T2"},
                        {"status board", "/perioder/2022-T2"}}) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(root + page[1]))
                            .header("Cookie", "tertial_session=" + session).build();
                    List<Double> ms = new ArrayList<>();
                    int bytes = 0;
                    for (int i = 0; i < warmup + runs; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        double t = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(page[1] + " answered " + r.statusCode());
                        }
                        bytes = r.body().length();
                        if (i >= warmup) {
                            ms.add(t);
                        }
                    }
                    Collections.sort(ms);
                    double median = ms.get(ms.size() / 2);
                    out.printf("  %-20s median %6.1f ms   p90 %6.1f ms   (%,d characters)   target ≤ 50 ms: %s%n",
                            page[0], median, ms.get((int) Math.ceil(ms.size() * 0.9) - 1), bytes,
                            median <= 50 ? "met" : "NOT met");
                    out.flush();
                }
            } finally {
                server.stop();
            }
        }
    }
}
