package se.tertial.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.tertial.app.BulkLoader;
import se.tertial.app.BulkReport;
import se.tertial.app.Tertial;
import se.tertial.app.UploadService;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.store.User;
import se.tertial.store.UserRole;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bulk-load DIR}: loads a directory of historical workbooks through the same ingest as uploads, directly into
 * the database or ({@code --url}) to a running server, with progress and a per-file report.
 */
@Command(name = "bulk-load", mixinStandardHelpOptions = true,
        description = "Läser in en mapp med arbetsböcker (.xlsx, .xls; även äldre egna format) med rapport per fil.")
final class BulkLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MAPP", description = "Mappen att läsa in (med undermappar), "
            + "eller en .zip med arbetsböcker.")
    Path dir;

    @Option(names = "--explain", paramLabel = "FIL", description = "Förklara för en arbetsbok vilken mappning som "
            + "passar (eller varför ingen gör det), var enhet, period, rubriker och etiketter hittades, och vilka belopp "
            + "som skulle lagras. Inget lagras.")
    Path explain;

    @Option(names = "--url", description = "Skicka filerna till en körande tertial i stället för direkt till databasen.")
    String url;

    @Option(names = "--token", defaultValue = "${env:TERTIAL_TOKEN}", description = "API-nyckel (admin) för --url "
            + "(env TERTIAL_TOKEN).")
    String token;

    @Option(names = "--dry-run", description = "Kontrollera och rapportera, men lagra ingenting.")
    boolean dryRun;

    @Option(names = "--jobs", defaultValue = "2", description = "Antal filer som läses parallellt (standard: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--allow-locked", description = "Läs in även till låsta perioder (administratör).")
    boolean allowLocked;

    @Option(names = "--report", description = "Rapportens sökväg utan filändelse; skrivs som .csv och .xlsx "
            + "(standard: bulk-load-<tid> i aktuell mapp).")
    Path report;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (explain != null) {
            return explain(out);
        }
        if (dir == null) {
            throw new ParameterException(spec.commandLine(), "Ange mappen att läsa in, eller --explain FIL.");
        }
        if (se.tertial.app.ZipArchive.isZip(dir)) {
            Path unpacked;
            try {
                unpacked = Files.createTempDirectory("tertial-zip-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try {
                var zip = se.tertial.app.ZipArchive.unpack(dir, unpacked, se.tertial.app.Config.DEFAULT_MAX_UPLOAD_BYTES);
                return load(out, unpacked, zip.refused());
            } finally {
                se.tertial.app.ZipArchive.delete(unpacked);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "Mappen finns inte: " + dir);
        }
        return load(out, dir, List.of());
    }

    /** Loads the workbooks under {@code root}; {@code refused} are report rows for files that never got there. */
    private int load(PrintWriter out, Path root, List<BulkLoader.FileResult> refused) {
        if (url != null && (token == null || token.isBlank())) {
            throw new ParameterException(spec.commandLine(), "--url kräver --token (eller TERTIAL_TOKEN).");
        }
        List<Path> files = BulkLoader.files(root);
        out.println("bulk-load: " + files.size() + " arbetsböcker i " + dir.toAbsolutePath()
                + (dryRun ? " (provkörning, inget lagras)" : "") + (url != null ? " → " + url : ""));
        out.flush();
        Instant start = Instant.now();
        // A long load leaves time to get the report's writer ready on the side; a short one would only wait for it.
        Thread warmUp = files.size() >= 500 ? BulkReport.warmUp() : null;
        List<BulkLoader.FileResult> results;
        try (Reporter progress = new Reporter(files.size(), out)) {
            // Identifying the files needs only the catalog: the store (direct loads) opens meanwhile.
            SpecCatalog catalog = SpecLoader.load(store.templates);
            if (url != null) {
                results = new BulkLoader(catalog, jobs).run(root, files,
                        new HttpSubmitter(url, token, allowLocked, dryRun), progress);
            } else {
                se.tertial.app.Config config = store.offline();
                User loader = new User(0, "bulk-load", UserRole.ADMIN, Set.of(), start);
                java.util.concurrent.atomic.AtomicReference<Tertial> opened = new java.util.concurrent.atomic.AtomicReference<>();
                try {
                    results = new BulkLoader(catalog, jobs).run(root, files, () -> {
                        Tertial app = Tertial.open(config, catalog);
                        opened.set(app);
                        return BulkLoader.direct(app.uploads(), loader, new UploadService.Options(true, allowLocked,
                                dryRun));
                    }, progress);
                } finally {
                    if (opened.get() != null) {
                        opened.get().close();
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            results = new java.util.ArrayList<>(results);
            results.addAll(refused);
            results.sort(java.util.Comparator.comparing(BulkLoader.FileResult::file));
        }
        Duration took = Duration.between(start, Instant.now());
        Path prefix = report != null ? report : Path.of("bulk-load-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (warmUp != null) {
            try {
                warmUp.join(); // long done after thousands of files; never two report writers at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Path> written = BulkReport.write(prefix, results);
        Map<String, Integer> counts = BulkReport.counts(results);
        out.printf("Klart på %.1f s: %s%n", took.toMillis() / 1000.0, counts);
        out.println("Rapport: " + written.get(0) + " och " + written.get(1));
        out.flush();
        return counts.keySet().stream().anyMatch(k -> k.equals("rejected") || k.equals("error")
                || k.equals("forbidden")) ? 1 : 0;
    }

    /** Prints what a load would make of one file; exit 1 when it would be refused. */
    private int explain(PrintWriter out) {
        if (!Files.isRegularFile(explain)) {
            throw new ParameterException(spec.commandLine(), "Filen finns inte: " + explain);
        }
        try (Tertial app = Tertial.open(store.offline())) {
            User loader = new User(0, "bulk-load", UserRole.ADMIN, Set.of(), Instant.now());
            List<String> lines = app.uploads().explain(loader, explain, explain.getFileName().toString());
            lines.forEach(out::println);
            out.flush();
            return lines.stream().anyMatch(l -> l.startsWith("Resultat: avvisas")) ? 1 : 0;
        }
    }

    /**
     * Progress: a bar with files done, rate and ETA on a terminal; on anything else (a script's log) a plain line
     * every few seconds.
     */
    private static final class Reporter implements BulkLoader.Progress, AutoCloseable {
        private final ProgressBar bar;
        private final PrintWriter out;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final long start = System.nanoTime();
        private volatile long lastLine = System.nanoTime();

        Reporter(int total, PrintWriter out) {
            this.total = total;
            this.out = out;
            this.bar = System.console() != null ? new ProgressBarBuilder().setTaskName("Läser in").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" filer", 1).showSpeed().build() : null;
        }

        @Override
        public void done(BulkLoader.FileResult result) {
            int n = done.incrementAndGet();
            if (bar != null) {
                bar.step();
                return;
            }
            long now = System.nanoTime();
            if (now - lastLine > 5_000_000_000L || n == total) {
                lastLine = now;
                double seconds = (now - start) / 1e9;
                double rate = n / Math.max(seconds, 1e-9);
                long eta = rate > 0 ? Math.round((total - n) / rate) : 0;
                synchronized (out) {
                    out.printf("bulk-load: %d/%d filer, %.0f filer/s, ca %d s kvar%n", n, total, rate, eta);
                    out.flush();
                }
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
