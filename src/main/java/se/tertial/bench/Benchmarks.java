package se.tertial.bench;

import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.store.DatabaseUrl;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the {@code bench} command runs, in one warm JVM against a fresh SQLite file (and, with a PostgreSQL database,
 * side by side on it): templates, uploads in-process and over HTTP, the feed, the pages, the consolidated report (in
 * memory and read from each store), and on request the start and the bulk load. Prints medians and percentiles beside
 * their floors; the benchmark document quotes them.
 */
public final class Benchmarks {
    /**
     * The command line's choices: the templates directory, runs and warm-up runs per case, one part only (or all but
     * start and bulk), the bulk load's files and parallel jobs, uploads per measurement, the PostgreSQL database,
     * and the command line's main class (the bulk bench runs {@code bulk-load} through it in a JVM of its own).
     */
    public record Settings(Path templates, int runs, int warmup, String only, int files, int jobs, int uploads,
                           Optional<DatabaseUrl> pg, Class<?> commandLine) {}

    private Benchmarks() {}

    /** Runs the parts {@code s} asks for and prints them to {@code out}. */
    public static void run(Settings s, PrintWriter out) throws Exception {
        Path templates = s.templates();
        int runs = s.runs();
        int warmup = s.warmup();
        String only = s.only();
        Optional<DatabaseUrl> pg = s.pg();
        Path dir = Files.createTempDirectory("tertial-bench");
        if (pg.isPresent()) {
            try (se.tertial.store.Database db = se.tertial.store.Database.connect(pg.get())) {
                if (!se.tertial.store.StoreCopy.isEmpty(db)) {
                    throw new se.tertial.app.TertialException.Invalid(se.tertial.spec.CliText.copyTargetNotEmpty(
                            db.where()));
                }
            }
        }
        try {
            out.printf("tertial bench: %d cores, Java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
            if ("start".equals(only)) {
                new StartBench(templates, out, Math.min(runs, 9)).run(dir.resolve("start"));
                return;
            }
            try (Tertial app = open(templates, dir.resolve("sqlite"), Optional.empty())) {
                if (only == null || only.equals("templates")) {
                    new TemplateBench(app, out, Math.max(runs, 30)).run();
                    try (SyntheticRegion region = SyntheticRegion.of(templates, 500);
                         Tertial big = open(region.dir(), dir.resolve("zip-500"), Optional.empty())) {
                        TemplateBench.zipHeap(out, app, big);
                    }
                }
                if (only == null || only.equals("uploads")) {
                    out.println("store: SQLite (embedded)");
                    new UploadBench(app, out, warmup, s.uploads()).run();
                }
                if ("bulk".equals(only)) {
                    new BulkBench(app, out, s.files(), s.jobs(), dir.resolve("bulk"), templates, pg, s.commandLine()).run();
                }
            }
            if (pg.isPresent() && (only == null || only.equals("uploads"))) {
                try (Tertial app = open(templates, dir.resolve("pg"), pg)) {
                    out.println("store: PostgreSQL " + app.database().where());
                    new UploadBench(app, out, warmup, s.uploads()).run();
                }
            }
            if (only == null || only.equals("feed")) {
                FeedBench feed = new FeedBench(templates, out, Math.min(warmup, 2), Math.min(runs, 5));
                feed.run("SQLite", t -> open(t, dir.resolve("feed-sqlite"), Optional.empty()));
                if (pg.isPresent()) {
                    feed.run("PostgreSQL", t -> open(t, dir.resolve("feed-pg"), pg));
                }
            }
            if (only == null || only.equals("pages")) {
                PageBench pages = new PageBench(templates, out, Math.min(warmup, 10), Math.max(runs, 20));
                pages.run("SQLite", t -> open(t, dir.resolve("pages-sqlite"), Optional.empty()));
                if (pg.isPresent()) {
                    pages.run("PostgreSQL", t -> open(t, dir.resolve("pages-pg"), pg));
                }
            }
            if (only == null || only.equals("report")) {
                ReportBench reports = new ReportBench(templates, out, Math.min(warmup, 5), Math.min(runs, 7));
                reports.run();
                reports.stored("SQLite", t -> open(t, dir.resolve("report-sqlite"), Optional.empty()));
                if (pg.isPresent()) {
                    reports.stored("PostgreSQL", t -> open(t, dir.resolve("report-pg"), pg));
                }
            }
        } finally {
            SyntheticRegion.delete(dir);
        }
    }

    /**
     * A fresh store for one part of the bench: a new SQLite file, or the PostgreSQL database emptied (checked to hold
     * no tertial data before the first part). The per-key rate limit is raised far above what the bench sends.
     */
    private static Tertial open(Path templates, Path dir, Optional<DatabaseUrl> pg) {
        pg.ifPresent(u -> se.tertial.store.Database.connect(u, true).close());
        Config config = new Config(templates, dir, "127.0.0.1", 0, null, "tertial")
                .withLimits(se.tertial.app.Limits.DEFAULTS.withRates(1_000_000, 1_000_000)).withDatabase(pg);
        Tertial app = Tertial.open(config);
        app.periods().create("2022-T2", "2022-09-09");
        return app;
    }
}
