package se.tertial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.Config;
import se.tertial.app.Tertial;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Measures, in one warm JVM against a fresh SQLite file (and, with {@code --postgresql}, side by side on a
 * PostgreSQL database): templates, uploads in-process and over HTTP, the consolidated report (in memory and read
 * from each store), and on request the bulk load. Prints medians and percentiles; the README quotes them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Mäter tiden att skapa mallar (median av flera körningar i en uppvärmd JVM).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "${env:TERTIAL_TEMPLATES:-workbook-templates}",
            description = "Mapp med organisation och mallar (standard: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--runs", defaultValue = "30", description = "Mätta körningar per fall (standard: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "20", description = "Uppvärmningskörningar (standard: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--only", description = "Bara en del: templates, uploads, report, feed, pages, start eller bulk (start och bulk körs bara på begäran).")
    String only;

    @Option(names = "--files", defaultValue = "10000", description = "Filer för --only bulk (standard: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallella filer för --only bulk (standard: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--uploads", defaultValue = "300", description = "Uppladdningar per mätning (standard: ${DEFAULT-VALUE}).")
    int uploads;

    @Option(names = "--postgresql", paramLabel = "JDBC-URL",
            description = "Mät uppladdningar och rapporten också mot denna tomma PostgreSQL-databas, sida vid sida med "
                    + "SQLite (användare och lösenord: env TERTIAL_DATABASE_USER, TERTIAL_DATABASE_PASSWORD). Bänken "
                    + "tömmer den mellan delarna; en databas med tertials uppgifter vägras.")
    String postgresql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tertial-bench");
        java.util.Optional<se.tertial.store.DatabaseUrl> pg = java.util.Optional.ofNullable(postgresql)
                .map(u -> new se.tertial.store.DatabaseUrl(u, System.getenv("TERTIAL_DATABASE_USER"),
                        System.getenv("TERTIAL_DATABASE_PASSWORD")));
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
                return 0;
            }
            try (Tertial app = open(templates, dir.resolve("sqlite"), java.util.Optional.empty())) {
                if (only == null || only.equals("templates")) {
                    new TemplateBench(app, out, Math.max(runs, 30)).run();
                    try (SyntheticRegion region = SyntheticRegion.of(templates, 500);
                         Tertial big = open(region.dir(), dir.resolve("zip-500"), java.util.Optional.empty())) {
                        TemplateBench.zipHeap(out, app, big);
                    }
                }
                if (only == null || only.equals("uploads")) {
                    out.println("store: SQLite (embedded)");
                    new UploadBench(app, out, warmup, uploads).run();
                }
                if ("bulk".equals(only)) {
                    new BulkBench(app, out, files, jobs, dir.resolve("bulk"), templates, pg).run();
                }
            }
            if (pg.isPresent() && (only == null || only.equals("uploads"))) {
                try (Tertial app = open(templates, dir.resolve("pg"), pg)) {
                    out.println("store: PostgreSQL " + app.database().where());
                    new UploadBench(app, out, warmup, uploads).run();
                }
            }
            if (only == null || only.equals("feed")) {
                FeedBench feed = new FeedBench(templates, out, Math.min(warmup, 2), Math.min(runs, 5));
                feed.run("SQLite", t -> open(t, dir.resolve("feed-sqlite"), java.util.Optional.empty()));
                if (pg.isPresent()) {
                    feed.run("PostgreSQL", t -> open(t, dir.resolve("feed-pg"), pg));
                }
            }
            if (only == null || only.equals("pages")) {
                PageBench pages = new PageBench(templates, out, Math.min(warmup, 10), Math.max(runs, 20));
                pages.run("SQLite", t -> open(t, dir.resolve("pages-sqlite"), java.util.Optional.empty()));
                if (pg.isPresent()) {
                    pages.run("PostgreSQL", t -> open(t, dir.resolve("pages-pg"), pg));
                }
            }
            if (only == null || only.equals("report")) {
                ReportBench reports = new ReportBench(templates, out, Math.min(warmup, 5), Math.min(runs, 7));
                reports.run();
                reports.stored("SQLite", t -> open(t, dir.resolve("report-sqlite"), java.util.Optional.empty()));
                if (pg.isPresent()) {
                    reports.stored("PostgreSQL", t -> open(t, dir.resolve("report-pg"), pg));
                }
            }
        } finally {
            SyntheticRegion.delete(dir);
        }
        return 0;
    }

    /**
     * A fresh store for one part of the bench: a new SQLite file, or the PostgreSQL database emptied (checked to hold
     * no tertial data before the first part). The per-key rate limit is raised far above what the bench sends.
     */
    private static Tertial open(Path templates, Path dir, java.util.Optional<se.tertial.store.DatabaseUrl> pg) {
        pg.ifPresent(u -> se.tertial.store.Database.connect(u, true).close());
        Config config = new Config(templates, dir, "127.0.0.1", 0, null, "tertial")
                .withLimits(se.tertial.app.Limits.DEFAULTS.withRates(1_000_000, 1_000_000)).withDatabase(pg);
        Tertial app = Tertial.open(config);
        app.periods().create("2022-T2", "2022-09-09");
        return app;
    }
}
